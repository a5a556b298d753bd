package dev.playfield.matchmaking;

import dev.playfield.config.QueueSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * How one game mode forms matches.
 *
 * <p>A ticket's acceptable rating gap starts at {@code baseRatingGap}, grows by {@code
 * gapWidenPerSecond} for every whole second it has waited, and never exceeds {@code maxRatingGap}.
 * A match normally has {@code matchSize} players; once its oldest ticket has waited {@code
 * fillTimeout}, a match may start with as few as {@code minPlayers}.
 *
 * @param matchSize players in a full match, at least 1
 * @param minPlayers fewest players a match may start with after {@code fillTimeout}, in {@code [1,
 *     matchSize]}
 * @param fillTimeout how long the oldest ticket waits for a full match before a partial one may
 *     form; zero or positive
 * @param baseRatingGap the rating gap a fresh ticket accepts; zero or positive
 * @param gapWidenPerSecond how much the gap grows per whole second of waiting; zero or positive
 * @param maxRatingGap the widest the gap ever gets; at least {@code baseRatingGap}
 */
public record QueueRules(
    int matchSize,
    int minPlayers,
    Duration fillTimeout,
    int baseRatingGap,
    int gapWidenPerSecond,
    int maxRatingGap) {

  public QueueRules {
    Objects.requireNonNull(fillTimeout, "fillTimeout must not be null");
    if (minPlayers < 1 || minPlayers > matchSize) {
      throw new IllegalArgumentException(
          "need 1 <= minPlayers <= matchSize, got minPlayers="
              + minPlayers
              + ", matchSize="
              + matchSize);
    }
    if (fillTimeout.isNegative()) {
      throw new IllegalArgumentException("fillTimeout must not be negative, got " + fillTimeout);
    }
    requireNotNegative("baseRatingGap", baseRatingGap);
    requireNotNegative("gapWidenPerSecond", gapWidenPerSecond);
    requireNotNegative("maxRatingGap", maxRatingGap);
    // A base above the cap would silently be clipped on every ticket: almost surely a config typo.
    if (baseRatingGap > maxRatingGap) {
      throw new IllegalArgumentException(
          "baseRatingGap ("
              + baseRatingGap
              + ") must not exceed maxRatingGap ("
              + maxRatingGap
              + ")");
    }
  }

  /** The rules of a mode's configured queue settings. */
  public static QueueRules from(QueueSettings settings) {
    return new QueueRules(settings.matchSize(), settings.minPlayers(), settings.fillTimeout(),
        settings.baseRatingGap(), settings.gapWidenPerSecond(), settings.maxRatingGap());
  }

  /**
   * The rating gap a ticket accepts after waiting {@code waited}: {@code min(maxRatingGap,
   * baseRatingGap + gapWidenPerSecond * wholeSecondsWaited)}. A negative wait (a clock that stepped
   * back) counts as zero.
   */
  public int ratingGapAfter(Duration waited) {
    long seconds = Math.max(0, waited.getSeconds());
    // Widening is 0 or at least 1 per second, so after maxRatingGap seconds the cap is reached
    // anyway; clamping first keeps a ticket forgotten for years from overflowing the multiply.
    long clampedSeconds = Math.min(seconds, maxRatingGap);
    long widened = baseRatingGap + (long) gapWidenPerSecond * clampedSeconds;
    return (int) Math.min(maxRatingGap, widened);
  }

  private static void requireNotNegative(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
  }
}
