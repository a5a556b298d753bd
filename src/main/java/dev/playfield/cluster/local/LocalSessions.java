package dev.playfield.cluster.local;

import dev.playfield.cluster.SessionDirectory;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which gateway holds each session, in this process's memory. */
final class LocalSessions implements SessionDirectory {

  private final Map<String, String> gateways = new ConcurrentHashMap<>();

  @Override
  public Future<String> claim(String playerId, String gateway) {
    return Future.succeededFuture(gateways.put(playerId, gateway));
  }

  @Override
  public Future<Void> release(String playerId, String gateway) {
    gateways.remove(playerId, gateway);
    return Future.succeededFuture();
  }

  @Override
  public Future<String> find(String playerId) {
    return Future.succeededFuture(gateways.get(playerId));
  }
}
