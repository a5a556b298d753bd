package dev.playfield.matchmaking;

import java.time.Duration;

/** Placeholder until the matchmaking package lands. */
public record QueueRules(int matchSize, int minPlayers, Duration fillTimeout, int baseRatingGap, int gapWidenPerSecond, int maxRatingGap) {}
