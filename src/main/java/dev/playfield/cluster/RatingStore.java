package dev.playfield.cluster;

import io.vertx.core.Future;
import java.util.Map;

/**
 * Where players' ratings live. A standalone node keeps them in memory ({@link LocalRatingStore});
 * a cluster keeps them in the cluster. Methods may be called from any thread and never block.
 */
public interface RatingStore {

  /** The player's rating, or the initial rating when the player has none yet. */
  Future<Integer> rating(String playerId);

  /**
   * Adds each delta to its player's rating atomically per player (two matches ending at once never
   * lose an update), flooring at 0, and returns the new ratings.
   */
  Future<Map<String, Integer>> add(Map<String, Integer> deltas);
}
