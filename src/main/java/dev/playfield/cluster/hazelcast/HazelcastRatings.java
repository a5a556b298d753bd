package dev.playfield.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.playfield.cluster.RatingStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/** Ratings in a Hazelcast map by player id. */
final class HazelcastRatings implements RatingStore {

  private final Vertx vertx;
  private final IMap<String, Integer> map;
  private final int initialRating;

  HazelcastRatings(Vertx vertx, IMap<String, Integer> map, int initialRating) {
    this.vertx = vertx;
    this.map = map;
    this.initialRating = initialRating;
  }

  @Override
  public Future<Integer> rating(String playerId) {
    return Future.fromCompletionStage(map.getAsync(playerId)).map(r -> r == null ? initialRating : r);
  }

  @Override
  public Future<Map<String, Integer>> add(Map<String, Integer> deltas) {
    return vertx.executeBlocking(() -> {
      Map<String, Integer> after = new HashMap<>();
      deltas.forEach((player, delta) -> after.put(player, addAtomically(player, delta)));
      return after;
    }, false);
  }

  // Compare-and-set until no other writer got in between: two matches ending at once both count.
  private int addAtomically(String player, int delta) {
    while (true) {
      Integer current = map.putIfAbsent(player, Math.max(0, initialRating + delta));
      if (current == null) {
        return Math.max(0, initialRating + delta);
      }
      int next = Math.max(0, current + delta);
      if (map.replace(player, current, next)) {
        return next;
      }
    }
  }
}
