package dev.playfield.arena;

import dev.playfield.game.SeededRandom;
import java.util.List;

/** Everything that changes during a match, and nothing else: exactly what a snapshot carries. */
final class MatchState {

  private long tick;
  private final SeededRandom rng;
  private final List<Avatar> avatars;
  private final Pickups pickups;

  /** {@code avatars} holds one per slot, in slot order. */
  MatchState(long tick, SeededRandom rng, List<Avatar> avatars, Pickups pickups) {
    this.tick = tick;
    this.rng = rng;
    this.avatars = List.copyOf(avatars);
    this.pickups = pickups;
  }

  long tick() {
    return tick;
  }

  void advanceTick() {
    tick++;
  }

  SeededRandom rng() {
    return rng;
  }

  List<Avatar> avatars() {
    return avatars;
  }

  Avatar avatar(int slot) {
    return avatars.get(slot);
  }

  Pickups pickups() {
    return pickups;
  }
}
