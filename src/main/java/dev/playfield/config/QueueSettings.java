package dev.playfield.config;

import java.time.Duration;

/**
 * A mode's queue settings as configured ({@code modes.<name>.match-size} and the rest), checked
 * for range at load; the matchmaker builds its {@code QueueRules} from them.
 */
public record QueueSettings(
    int matchSize,
    int minPlayers,
    Duration fillTimeout,
    int baseRatingGap,
    int gapWidenPerSecond,
    int maxRatingGap) {

  static QueueSettings from(Section mode) {
    QueueSettings settings = new QueueSettings(
        mode.intIn("match-size", 1, 1000),
        mode.intIn("min-players", 1, 1000),
        Duration.ofMillis(mode.intIn("fill-timeout-ms", 0, Integer.MAX_VALUE)),
        mode.intIn("base-rating-gap", 0, 1_000_000),
        mode.intIn("gap-widen-per-second", 0, 1_000_000),
        mode.intIn("max-rating-gap", 0, 1_000_000));
    if (settings.minPlayers() > settings.matchSize()) {
      throw new IllegalArgumentException(mode.name("min-players") + ": must not exceed match-size ("
          + settings.matchSize() + "), got " + settings.minPlayers());
    }
    if (settings.baseRatingGap() > settings.maxRatingGap()) {
      throw new IllegalArgumentException(mode.name("base-rating-gap") + ": must not exceed max-rating-gap ("
          + settings.maxRatingGap() + "), got " + settings.baseRatingGap());
    }
    return settings;
  }
}
