package dev.playfield.sim;

import dev.playfield.arena.proto.ArenaState;

/**
 * How a bot steers in an arena match. Called on the bot's event loop only; must not block. A
 * behavior writes the direction it wants into {@link Steering}; the bot sends it as its next input.
 */
interface Behavior {

  /** True when the behavior wants {@link #observe} called with each state (costs a decode per frame). */
  boolean readsState();

  /** The latest state of the match; {@code mySlot} is this bot's slot. Only called when {@link #readsState()}. */
  void observe(ArenaState state, int mySlot);

  /** Decides the direction of the next input. */
  void steer(Steering steering, long nowNanos);

  /** A new match begins. */
  void reset();

  /** A direction; components in [-1, 1]. Reused, never shared between bots. */
  final class Steering {
    float dx;
    float dy;

    void set(float dx, float dy) {
      this.dx = dx;
      this.dy = dy;
    }
  }
}
