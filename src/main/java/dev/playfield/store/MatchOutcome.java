package dev.playfield.store;

import java.util.List;

/**
 * How a match ended, as its room saw it: the final tick and every player's result in the order
 * the match end lists them (best first).
 */
public record MatchOutcome(String roomId, String mode, long tick, List<Result> results) {

  public MatchOutcome {
    results = List.copyOf(results);
  }

  /**
   * One player's result.
   *
   * @param rank the final place, 1 best; equal scores share a rank
   * @param left whether the player left the match before it ended
   * @param ratingDelta what the match adds to the player's rating (negative for a loss)
   */
  public record Result(String playerId, String name, int rank, long score, boolean left, int ratingDelta) {}
}
