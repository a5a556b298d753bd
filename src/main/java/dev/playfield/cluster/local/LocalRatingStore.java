package dev.playfield.cluster.local;

import dev.playfield.cluster.RatingStore;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Ratings in this process's memory: for a standalone node. Lost on restart. */
public final class LocalRatingStore implements RatingStore {

  private final Map<String, Integer> ratings = new ConcurrentHashMap<>();
  private final int initialRating;

  public LocalRatingStore(int initialRating) {
    this.initialRating = initialRating;
  }

  @Override
  public Future<Integer> rating(String playerId) {
    return Future.succeededFuture(ratings.getOrDefault(playerId, initialRating));
  }

  @Override
  public Future<Map<String, Integer>> add(Map<String, Integer> deltas) {
    Map<String, Integer> after = new HashMap<>();
    deltas.forEach((player, delta) -> after.put(player,
        ratings.merge(player, Math.max(0, initialRating + delta), (old, ignored) -> Math.max(0, old + delta))));
    return Future.succeededFuture(after);
  }
}
