package dev.playfield.store;

import java.util.List;

/**
 * Part of a mode's leaderboard.
 *
 * @param total players with a rating in the mode
 * @param offset how many entries come before this page's first
 */
public record LeaderboardPage(String mode, long total, int offset, List<LeaderboardEntry> entries) {

  public LeaderboardPage {
    entries = List.copyOf(entries);
  }
}
