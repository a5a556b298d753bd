package dev.playfield.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.playfield.cluster.SessionDirectory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Which gateway holds each session, in a Hazelcast map by player id. */
final class HazelcastSessions implements SessionDirectory {

  private final Vertx vertx;
  private final IMap<String, String> map;

  HazelcastSessions(Vertx vertx, IMap<String, String> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<String> claim(String playerId, String gateway) {
    return Future.fromCompletionStage(map.putAsync(playerId, gateway));
  }

  @Override
  public Future<Void> release(String playerId, String gateway) {
    return vertx.executeBlocking(() -> {
      map.remove(playerId, gateway);
      return null;
    }, false);
  }

  @Override
  public Future<String> find(String playerId) {
    return Future.fromCompletionStage(map.getAsync(playerId));
  }
}
