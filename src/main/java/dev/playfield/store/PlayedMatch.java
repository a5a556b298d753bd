package dev.playfield.store;

import java.time.Instant;

/** A finished match from one player's side, for their match history. */
public record PlayedMatch(String roomId, String mode, Instant endedAt, int players, int rank, long score,
    int ratingBefore, int ratingAfter, boolean left) {}
