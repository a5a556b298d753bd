package dev.playfield.game;

/** When the host sends players a {@code State}. */
public enum StateStream {
  /** After every tick (every {@code state-every-ticks}): real-time games, whose view moves all the time. */
  EVERY_TICK,
  /**
   * Only when it says something new to that player: their view differs from the last one they were
   * sent, their last input was applied (the state acknowledges it), or the room's phase changed.
   * Turn-based games: a state that did not change is not sent 20 times a second.
   */
  ON_CHANGE
}
