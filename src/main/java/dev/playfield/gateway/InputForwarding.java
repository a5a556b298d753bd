package dev.playfield.gateway;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.game.GameType;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.SeatDisconnected;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.v1.Input;
import io.vertx.core.eventbus.EventBus;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A player's game inputs on their way to the room: checked here (seq, the game's input type, the
 * game's own range checks) so the room only ever sees well-formed ones, then sent to the room's
 * address; and the two things a session tells its room besides: the seat is given up, or held
 * while the player is away. One per session, used on the session's event loop only.
 */
final class InputForwarding {

  /** Inputs that arrive this soon after the match ended were in flight when it did. */
  static final long LATE_INPUT_NANOS = 2_000_000_000L;

  private final EventBus bus;
  private final LongSupplier nanoTime;
  private String roomAddress;
  private String playerId;
  private GameType game;
  private long leftAtNanos;
  private boolean everLeft;

  InputForwarding(EventBus bus, LongSupplier nanoTime) {
    this.bus = bus;
    this.nanoTime = nanoTime;
  }

  /** From now on inputs go to {@code roomId}, checked against {@code game}. */
  void enter(String roomId, String playerId, GameType game) {
    this.roomAddress = Addresses.room(roomId);
    this.playerId = playerId;
    this.game = game;
  }

  /** The match is over for this player: inputs stop here. */
  void leave() {
    roomAddress = null;
    leftAtNanos = nanoTime.getAsLong();
    everLeft = true;
  }

  /** True shortly after the match ended: an input now was sent before the client knew, not a fault. */
  boolean justLeft() {
    return everLeft && nanoTime.getAsLong() - leftAtNanos < LATE_INPUT_NANOS;
  }

  /** The player leaves the match for good: the room gives the seat up. Between enter and leave. */
  void giveUpSeat() {
    bus.send(roomAddress, SeatLeft.newBuilder().setPlayerId(playerId).build());
  }

  /** The connection dropped: the room holds the seat for the grace window. Between enter and leave. */
  void holdSeat() {
    bus.send(roomAddress, SeatDisconnected.newBuilder().setPlayerId(playerId).build());
  }

  /** Sends the input to the room; the reason it is refused, if it is. Only between enter and leave. */
  Optional<String> forward(Input input) {
    Optional<String> reason = check(input);
    if (reason.isEmpty()) {
      bus.send(roomAddress, RoomInput.newBuilder()
          .setPlayerId(playerId).setSeq(input.getSeq()).setGame(input.getGame()).build());
    }
    return reason;
  }

  private Optional<String> check(Input input) {
    if (input.getSeq() == 0) {
      return Optional.of("input seq must start at 1");
    }
    Any payload = input.getGame();
    if (!payload.is(game.inputType())) {
      return Optional.of("game input must be " + game.inputType().getSimpleName() + ", got '"
          + payload.getTypeUrl() + "'");
    }
    try {
      // Unpacking here caches the parsed message in the Any, so the room on this node reuses it.
      Message parsed = payload.unpack(game.inputType());
      return game.rejectReason(parsed);
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("game input does not parse: " + e.getMessage());
    }
  }
}
