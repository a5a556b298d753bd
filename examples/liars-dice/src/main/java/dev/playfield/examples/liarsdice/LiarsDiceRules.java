package dev.playfield.examples.liarsdice;

import dev.playfield.game.GameSetup;

/**
 * The numbers a match is played with, read once from the mode's settings and checked, so the rest
 * of the game can trust them.
 *
 * @param dicePerPlayer dice every player starts with
 * @param turnTicks how long a player has for a turn, in game ticks
 * @param revealTicks how long a round's outcome stays on the table before the next round rolls
 */
record LiarsDiceRules(int dicePerPlayer, int turnTicks, int revealTicks) {

  static final String DICE_PER_PLAYER = "dice-per-player";
  static final String TURN_SECONDS = "turn-seconds";
  static final String REVEAL_SECONDS = "reveal-seconds";

  static final int DEFAULT_DICE_PER_PLAYER = 5;
  static final double DEFAULT_TURN_SECONDS = 20;
  static final double DEFAULT_REVEAL_SECONDS = 5;

  /** Beyond this a round's bids and a snapshot grow without making the game any better. */
  static final int MAX_DICE_PER_PLAYER = 20;
  /** An hour: long enough for any table, short enough that tick arithmetic never overflows. */
  static final double MAX_SECONDS = 3600;

  /** Reads and checks the settings; throws {@link IllegalArgumentException} naming a bad one. */
  static LiarsDiceRules from(GameSetup setup) {
    if (setup.tickRate() <= 0) {
      throw new IllegalArgumentException("tick rate must be positive, got " + setup.tickRate());
    }
    double dice = setup.number(DICE_PER_PLAYER, DEFAULT_DICE_PER_PLAYER);
    if (dice != Math.rint(dice) || dice < 1 || dice > MAX_DICE_PER_PLAYER) {
      throw new IllegalArgumentException(DICE_PER_PLAYER + " must be a whole number in [1, "
          + MAX_DICE_PER_PLAYER + "], got " + dice);
    }
    return new LiarsDiceRules(
        (int) dice,
        ticks(setup, TURN_SECONDS, DEFAULT_TURN_SECONDS),
        ticks(setup, REVEAL_SECONDS, DEFAULT_REVEAL_SECONDS));
  }

  /** A duration setting in ticks; at least one tick, so every stage can be seen by the players. */
  private static int ticks(GameSetup setup, String key, double fallback) {
    double seconds = setup.number(key, fallback);
    if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
      throw new IllegalArgumentException(key + " must be a number of seconds in (0, " + MAX_SECONDS + "], got " + seconds);
    }
    return (int) Math.max(1, Math.round(seconds * setup.tickRate()));
  }

  /** The longest any stage lasts: how far ahead of the current tick a deadline can be. */
  int longestStageTicks() {
    return Math.max(turnTicks, revealTicks);
  }
}
