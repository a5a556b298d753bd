package dev.playfield.arena;

import dev.playfield.game.GameSetup;

/**
 * The numbers a match is played with, read once from the mode's settings and checked, so the rest
 * of the game can trust them.
 *
 * @param speedPerTick the longest distance a player moves in one tick
 * @param matchTicks the tick at which the time limit ends the match
 */
record ArenaRules(
    double width,
    double height,
    double speedPerTick,
    long matchTicks,
    int scoreLimit,
    int collectables,
    double playerRadius,
    double collectableRadius) {

  static final double DEFAULT_WIDTH = 800;
  static final double DEFAULT_HEIGHT = 600;
  static final double DEFAULT_SPEED = 240;
  static final double DEFAULT_MATCH_SECONDS = 60;
  static final int DEFAULT_SCORE_LIMIT = 25;
  static final int DEFAULT_COLLECTABLES = 6;
  static final double DEFAULT_PLAYER_RADIUS = 16;
  static final double DEFAULT_COLLECTABLE_RADIUS = 10;

  /** Keeps the per-tick work of a room bounded whatever the configuration says. */
  static final int MAX_COLLECTABLES = 1_000;

  /** Reads and checks the settings; throws {@link IllegalArgumentException} naming a bad one. */
  static ArenaRules from(GameSetup setup) {
    if (setup.tickRate() <= 0) {
      throw new IllegalArgumentException("tick rate must be positive, got " + setup.tickRate());
    }
    SettingReader read = new SettingReader(setup);
    double playerRadius = read.positive("player-radius", DEFAULT_PLAYER_RADIUS);
    double collectableRadius = read.positive("collectable-radius", DEFAULT_COLLECTABLE_RADIUS);
    double fits = 2 * Math.max(playerRadius, collectableRadius);
    double width = read.atLeast("width", DEFAULT_WIDTH, fits);
    double height = read.atLeast("height", DEFAULT_HEIGHT, fits);
    double speed = read.atLeast("speed", DEFAULT_SPEED, 0);
    double matchSeconds = read.positive("match-seconds", DEFAULT_MATCH_SECONDS);
    long matchTicks = Math.max(1, Math.round(matchSeconds * setup.tickRate()));
    if (matchTicks > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("match-seconds is too long: " + matchSeconds);
    }
    return new ArenaRules(
        width,
        height,
        speed / setup.tickRate(),
        matchTicks,
        read.whole("score-limit", DEFAULT_SCORE_LIMIT, 1, Integer.MAX_VALUE),
        read.whole("collectables", DEFAULT_COLLECTABLES, 0, MAX_COLLECTABLES),
        playerRadius,
        collectableRadius);
  }

  /** How close a player's centre must come to a collectable's centre to pick it up. */
  double pickupReach() {
    return playerRadius + collectableRadius;
  }

  private record SettingReader(GameSetup setup) {

    double positive(String key, double fallback) {
      double value = setup.number(key, fallback);
      if (!Double.isFinite(value) || value <= 0) {
        throw new IllegalArgumentException(key + " must be a positive number, got " + value);
      }
      return value;
    }

    double atLeast(String key, double fallback, double min) {
      double value = setup.number(key, fallback);
      if (!Double.isFinite(value) || value < min) {
        throw new IllegalArgumentException(key + " must be a number of at least " + min + ", got " + value);
      }
      return value;
    }

    int whole(String key, int fallback, int min, int max) {
      double value = setup.number(key, fallback);
      if (value != Math.rint(value) || value < min || value > max) {
        throw new IllegalArgumentException(
            key + " must be a whole number in [" + min + ", " + max + "], got " + value);
      }
      return (int) value;
    }
  }
}
