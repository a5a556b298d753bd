package dev.playfield.store;

/** A player's line on a mode's leaderboard. */
public record LeaderboardEntry(int rank, String playerId, String name, int rating, int matches, int wins) {}
