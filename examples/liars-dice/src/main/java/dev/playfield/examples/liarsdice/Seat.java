package dev.playfield.examples.liarsdice;

import dev.playfield.game.SeededRandom;
import dev.playfield.examples.liarsdice.proto.SeatStatus;
import java.util.Arrays;

/** One player at the table: their cup (the dice they hold, sorted), whether they are still in. */
final class Seat {

  private final int slot;
  private int[] cup;
  private SeatStatus status;
  private int outOrder;
  private int outRound;
  private String lastRejection;

  Seat(int slot, int[] cup, SeatStatus status, int outOrder, int outRound, String lastRejection) {
    this.slot = slot;
    this.cup = cup.clone();
    this.status = status;
    this.outOrder = outOrder;
    this.outRound = outRound;
    this.lastRejection = lastRejection;
  }

  static Seat withDice(int slot, int dice) {
    return new Seat(slot, new int[dice], SeatStatus.SEAT_STATUS_IN, 0, 0, "");
  }

  int slot() {
    return slot;
  }

  boolean in() {
    return status == SeatStatus.SEAT_STATUS_IN;
  }

  SeatStatus status() {
    return status;
  }

  int diceCount() {
    return cup.length;
  }

  /** The dice this round; a copy. */
  int[] cup() {
    return cup.clone();
  }

  int count(int face) {
    int n = 0;
    for (int die : cup) {
      if (die == face) {
        n++;
      }
    }
    return n;
  }

  /** Rolls as many dice as the player holds. */
  void roll(SeededRandom rng) {
    for (int i = 0; i < cup.length; i++) {
      cup[i] = 1 + rng.nextInt(6);
    }
    Arrays.sort(cup);
  }

  /** Takes one die away; a player left with none must then be {@link #eliminate}d. */
  void loseDie() {
    cup = Arrays.copyOf(cup, cup.length - 1);
  }

  /** The player lost their last die. */
  void eliminate(int outOrder, int round) {
    goOut(SeatStatus.SEAT_STATUS_ELIMINATED, outOrder, round);
  }

  /** The player left: their dice leave with them. */
  void leave(int outOrder, int round) {
    cup = new int[0];
    goOut(SeatStatus.SEAT_STATUS_LEFT, outOrder, round);
  }

  int outOrder() {
    return outOrder;
  }

  int outRound() {
    return outRound;
  }

  String lastRejection() {
    return lastRejection;
  }

  void setLastRejection(String why) {
    lastRejection = why;
  }

  private void goOut(SeatStatus why, int order, int round) {
    status = why;
    outOrder = order;
    outRound = round;
  }
}
