package dev.playfield.examples.liarsdice;

import dev.playfield.game.SeededRandom;
import dev.playfield.examples.liarsdice.proto.RoundEnd;
import dev.playfield.examples.liarsdice.proto.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a match is: the seats and their cups, the bids of the round, whose turn it is and
 * until when, and the generator that rolls the dice. Mutated by {@link Referee} alone; read by the
 * views, the snapshots and the ranking. {@link #version()} moves on every change, so views can be
 * kept until it does.
 */
final class Table {

  private final List<Seat> seats;
  private final SeededRandom rng;
  private final List<Claim> bids;
  private long tick;
  private int round;
  private int turn;
  private Stage stage;
  private int current;
  private long endsAt;
  private long updatedAt;
  private int outs;
  private RoundEnd roundEnd;
  private long version;

  /** The state the table is in; {@code roundEnd} may be null. */
  Table(List<Seat> seats, SeededRandom rng, List<Claim> bids, Clock clock, Turn turn, int outs, RoundEnd roundEnd) {
    this.seats = List.copyOf(seats);
    this.rng = rng;
    this.bids = new ArrayList<>(bids);
    this.tick = clock.tick();
    this.endsAt = clock.endsAt();
    this.updatedAt = clock.updatedAt();
    this.round = turn.round();
    this.turn = turn.turn();
    this.stage = turn.stage();
    this.current = turn.current();
    this.outs = outs;
    this.roundEnd = roundEnd;
  }

  /** Where the match is in time, in game ticks. */
  record Clock(long tick, long endsAt, long updatedAt) {}

  /** Where the match is in its rounds and turns. */
  record Turn(int round, int turn, Stage stage, int current) {}

  List<Seat> seats() {
    return seats;
  }

  Seat seat(int slot) {
    return seats.get(slot);
  }

  int players() {
    return seats.size();
  }

  SeededRandom rng() {
    return rng;
  }

  List<Claim> bids() {
    return List.copyOf(bids);
  }

  Optional<Claim> lastBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(bids.size() - 1));
  }

  long tick() {
    return tick;
  }

  int round() {
    return round;
  }

  int turn() {
    return turn;
  }

  Stage stage() {
    return stage;
  }

  int current() {
    return current;
  }

  long endsAt() {
    return endsAt;
  }

  long updatedAt() {
    return updatedAt;
  }

  int outs() {
    return outs;
  }

  Optional<RoundEnd> roundEnd() {
    return Optional.ofNullable(roundEnd);
  }

  long version() {
    return version;
  }

  int inCount() {
    return (int) seats.stream().filter(Seat::in).count();
  }

  int diceInPlay() {
    return seats.stream().mapToInt(Seat::diceCount).sum();
  }

  /** The first player still in after {@code slot}, going round the table; {@code slot} itself if alone. */
  int nextInAfter(int slot) {
    for (int step = 1; step <= seats.size(); step++) {
      int candidate = (slot + step) % seats.size();
      if (seats.get(candidate).in()) {
        return candidate;
      }
    }
    return slot;
  }

  /** The one player still in, once the game is over. */
  Optional<Seat> winner() {
    return stage == Stage.STAGE_GAME_OVER ? seats.stream().filter(Seat::in).findFirst() : Optional.empty();
  }

  // Mutators, for the Referee. Each marks the table changed.

  void advanceTick() {
    tick++;
  }

  void addBid(Claim claim) {
    bids.add(claim);
    touched();
  }

  /** A new turn for {@code player}, running for {@code ticks}. */
  void startTurn(int player, int ticks) {
    current = player;
    turn++;
    stage = Stage.STAGE_BIDDING;
    endsAt = tick + ticks;
    touched();
  }

  /** Clears the round's bids and outcome for the next round. */
  void startRound() {
    round++;
    bids.clear();
    roundEnd = null;
    seats.forEach(seat -> seat.setLastRejection(""));
    touched();
  }

  /** The round is over; {@code opener} opens the next one at {@code tick + ticks} if still in. */
  void endRound(RoundEnd outcome, int opener, int ticks) {
    roundEnd = outcome;
    stage = Stage.STAGE_ROUND_OVER;
    current = opener;
    endsAt = tick + ticks;
    touched();
  }

  void endGame() {
    stage = Stage.STAGE_GAME_OVER;
    endsAt = 0;
    touched();
  }

  /** The next out_order to hand out. */
  int nextOut() {
    return ++outs;
  }

  /** Sets what the seat's player is told about their last input; empty when it was applied. */
  void reject(Seat seat, String why) {
    if (!seat.lastRejection().equals(why)) {
      seat.setLastRejection(why);
      version++;
    }
  }

  /** A change of a seat made from outside the mutators above (a die lost, a leave). */
  void touched() {
    updatedAt = tick;
    version++;
  }
}
