package dev.playfield.store;

import java.util.List;

/**
 * A match result as the store holds it.
 *
 * @param firstRecord true for the call that recorded it, false for every repeat
 * @param standings in the order the match end lists them (best first)
 */
public record RecordedMatch(String roomId, String mode, long tick, boolean firstRecord, List<Standing> standings) {

  public RecordedMatch {
    standings = List.copyOf(standings);
  }

  /** One player's line: place, score and the rating before and after the match in its mode. */
  public record Standing(String playerId, String name, int rank, long score, int ratingBefore, int ratingAfter,
      boolean left) {}
}
