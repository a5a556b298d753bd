package dev.playfield.examples.liarsdice;

import com.google.protobuf.Message;
import dev.playfield.examples.liarsdice.proto.Bid;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import java.util.Optional;

/**
 * The checks an input must pass whatever the state of the table: the gateway runs them before an
 * input reaches a room, and the game again before applying one. Whether the input fits the table
 * (whose turn, which bid to beat) is the game's business.
 */
final class InputCheck {

  /** More dice than any table holds; the table's own count is checked by the game. */
  static final int MAX_QUANTITY = 10_000;

  private InputCheck() {}

  static Optional<String> rejectReason(Message input) {
    if (!(input instanceof LiarsDiceInput action)) {
      String got = input == null ? "nothing" : input.getDescriptorForType().getFullName();
      return Optional.of("expected " + LiarsDiceInput.getDescriptor().getFullName() + ", got " + got);
    }
    // uint32 arrives as a Java int: values past 2^31 are negative and fail "< 1" as they should.
    if (action.getTurn() < 1) {
      return Optional.of("turn must name the turn the action answers (1 or more), got "
          + Integer.toUnsignedString(action.getTurn()));
    }
    return switch (action.getActionCase()) {
      case BID -> bidReason(action.getBid());
      case CALL_LIAR -> Optional.empty();
      case ACTION_NOT_SET -> Optional.of("an input needs exactly one action: bid or call_liar");
    };
  }

  private static Optional<String> bidReason(Bid bid) {
    if (bid.getQuantity() < 1 || bid.getQuantity() > MAX_QUANTITY) {
      return Optional.of("a bid's quantity must be 1 to " + MAX_QUANTITY + ", got "
          + Integer.toUnsignedString(bid.getQuantity()));
    }
    if (bid.getFace() < 1 || bid.getFace() > 6) {
      return Optional.of("a bid's face must be 1 to 6, got " + Integer.toUnsignedString(bid.getFace()));
    }
    return Optional.empty();
  }
}
