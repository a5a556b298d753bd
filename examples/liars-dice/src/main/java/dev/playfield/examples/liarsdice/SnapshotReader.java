package dev.playfield.examples.liarsdice;

import dev.playfield.game.SeededRandom;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.examples.liarsdice.proto.Hand;
import dev.playfield.examples.liarsdice.proto.LiarsDiceSnapshot;
import dev.playfield.examples.liarsdice.proto.PlacedBid;
import dev.playfield.examples.liarsdice.proto.RoundEnd;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.examples.liarsdice.proto.SeatStatus;
import dev.playfield.examples.liarsdice.proto.SnapshotSeat;
import dev.playfield.examples.liarsdice.proto.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link LiarsDiceSnapshot} back into a {@link Table}, checking everything it restores: a
 * snapshot crosses the network, and a bad one must not start a match the rules could never reach.
 */
final class SnapshotReader {

  private static final int MAX_REJECTION_LENGTH = 500;

  private final LiarsDiceRules rules;
  private final int players;

  SnapshotReader(LiarsDiceRules rules, int players) {
    this.rules = rules;
    this.players = players;
  }

  /** Throws {@link IllegalArgumentException} when the bytes are not a snapshot of such a match. */
  Table read(byte[] bytes) {
    LiarsDiceSnapshot snapshot = parse(bytes);
    check(TableSnapshots.GAME.equals(snapshot.getGame()), "it is not a liars-dice snapshot");
    check(snapshot.getSeatsCount() == players,
        "it holds " + snapshot.getSeatsCount() + " seats, the match has " + players);
    List<Seat> seats = new ArrayList<>(players);
    for (int slot = 0; slot < players; slot++) {
      seats.add(seat(snapshot.getSeats(slot), slot));
    }
    checkOuts(snapshot, seats);
    checkClock(snapshot);
    checkTurn(snapshot, seats);
    List<Claim> bids = bids(snapshot.getBidsList());
    RoundEnd roundEnd = roundEnd(snapshot);
    return new Table(seats, new SeededRandom(snapshot.getRngState()), bids,
        new Table.Clock(snapshot.getTick(), snapshot.getEndsAtTick(), snapshot.getUpdatedAtTick()),
        new Table.Turn(snapshot.getRound(), snapshot.getTurn(), snapshot.getStage(), snapshot.getCurrentPlayer()),
        snapshot.getOuts(), roundEnd);
  }

  private static LiarsDiceSnapshot parse(byte[] bytes) {
    try {
      return LiarsDiceSnapshot.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("corrupt liars-dice snapshot: " + e.getMessage(), e);
    }
  }

  private Seat seat(SnapshotSeat seat, int slot) {
    check(seat.getSlot() == slot, "seat " + seat.getSlot() + " is where slot " + slot + " belongs");
    SeatStatus status = seat.getStatus();
    boolean known = status == SeatStatus.SEAT_STATUS_IN || status == SeatStatus.SEAT_STATUS_ELIMINATED
        || status == SeatStatus.SEAT_STATUS_LEFT;
    check(known, "seat " + slot + " has no status");
    check(seat.getDiceCount() <= rules.dicePerPlayer(), "seat " + slot + " holds more dice than the rules give");
    check((status == SeatStatus.SEAT_STATUS_IN) == (seat.getDiceCount() > 0),
        "seat " + slot + " is " + status + " with " + seat.getDiceCount() + " dice");
    seat.getDiceList().forEach(die -> checkFace(die, "a die of seat " + slot));
    check(seat.getLastRejection().length() <= MAX_REJECTION_LENGTH, "seat " + slot + " has an endless rejection");
    int[] cup = seat.getDiceList().stream().mapToInt(Integer::intValue).toArray();
    return new Seat(slot, cup, status, seat.getOutOrder(), seat.getOutRound(), seat.getLastRejection());
  }

  /** Players out carry distinct places 1..outs and a round that has been played; those in carry none. */
  private static void checkOuts(LiarsDiceSnapshot snapshot, List<Seat> seats) {
    Set<Integer> places = new HashSet<>();
    for (Seat seat : seats) {
      if (seat.in()) {
        check(seat.outOrder() == 0 && seat.outRound() == 0, "seat " + seat.slot() + " is in but has gone out");
      } else {
        boolean placed = seat.outOrder() >= 1 && seat.outOrder() <= snapshot.getOuts() && places.add(seat.outOrder());
        check(placed, "seat " + seat.slot() + " went out at an impossible place");
        check(seat.outRound() >= 1 && seat.outRound() <= snapshot.getRound(),
            "seat " + seat.slot() + " went out in a round not played");
      }
    }
    check(places.size() == snapshot.getOuts(), "it counts " + snapshot.getOuts() + " players out, not " + places.size());
  }

  private void checkClock(LiarsDiceSnapshot snapshot) {
    long tick = snapshot.getTick();
    check(tick >= 0 && snapshot.getUpdatedAtTick() >= 0 && snapshot.getUpdatedAtTick() <= tick,
        "its ticks are out of order");
    long endsAt = snapshot.getEndsAtTick();
    if (snapshot.getStage() == Stage.STAGE_GAME_OVER) {
      check(endsAt == 0, "a game over has no deadline");
    } else {
      check(endsAt > tick && endsAt - tick <= rules.longestStageTicks(), "its deadline is outside the stage");
    }
  }

  private void checkTurn(LiarsDiceSnapshot snapshot, List<Seat> seats) {
    check(snapshot.getRound() >= 1 && snapshot.getTurn() >= 1, "it is before the first round");
    long in = seats.stream().filter(Seat::in).count();
    int current = snapshot.getCurrentPlayer();
    check(current >= 0 && current < players, "player " + Integer.toUnsignedString(current) + " is to play");
    switch (snapshot.getStage()) {
      case STAGE_BIDDING -> {
        check(in >= 2, "a round is bid with " + in + " players in");
        check(seats.get(current).in(), "player " + current + " is to bid but is out");
        check(!snapshot.hasRoundEnd(), "a round being bid has ended already");
      }
      case STAGE_ROUND_OVER -> {
        check(in >= 2, "a round is over with " + in + " players in");
        check(snapshot.hasRoundEnd(), "a round is over without an outcome");
      }
      case STAGE_GAME_OVER -> check(in == 1, "the game is over with " + in + " players in");
      default -> throw corrupt("it has no stage");
    }
  }

  private List<Claim> bids(List<PlacedBid> placed) {
    List<Claim> bids = new ArrayList<>(placed.size());
    for (PlacedBid bid : placed) {
      checkSlot(bid.getSlot(), "a bidder");
      checkFace(bid.getFace(), "a bid's face");
      check(bid.getQuantity() >= 1 && bid.getQuantity() <= InputCheck.MAX_QUANTITY, "a bid has an impossible quantity");
      Claim claim = Claim.of(bid);
      check(bids.isEmpty() || claim.beats(bids.get(bids.size() - 1)), "its bids do not rise");
      bids.add(claim);
    }
    return bids;
  }

  /** The round's outcome, or null when the round has none (yet). */
  private RoundEnd roundEnd(LiarsDiceSnapshot snapshot) {
    if (!snapshot.hasRoundEnd()) {
      return null;
    }
    RoundEnd end = snapshot.getRoundEnd();
    check(end.getRound() == snapshot.getRound(), "its outcome is of another round");
    boolean known = end.getCause() == RoundEndCause.ROUND_END_CAUSE_CHALLENGE
        || end.getCause() == RoundEndCause.ROUND_END_CAUSE_TIMEOUT;
    check(known, "its outcome has no cause");
    checkSlot(end.getLoser(), "the loser");
    checkSlot(end.getChallenger(), "the challenger");
    checkSlot(end.getChallengedBid().getSlot(), "the challenged bidder");
    for (Hand hand : end.getHandsList()) {
      checkSlot(hand.getSlot(), "a hand");
      hand.getDiceList().forEach(die -> checkFace(die, "a revealed die"));
    }
    return end;
  }

  private void checkSlot(int slot, String who) {
    check(slot >= 0 && slot < players, who + " sits in slot " + Integer.toUnsignedString(slot) + ", which is not there");
  }

  private static void checkFace(int face, String what) {
    check(face >= 1 && face <= 6, what + " shows " + Integer.toUnsignedString(face));
  }

  private static void check(boolean holds, String why) {
    if (!holds) {
      throw corrupt(why);
    }
  }

  private static IllegalArgumentException corrupt(String why) {
    return new IllegalArgumentException("corrupt liars-dice snapshot: " + why);
  }
}
