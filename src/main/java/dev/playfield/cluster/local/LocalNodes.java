package dev.playfield.cluster.local;

import dev.playfield.cluster.NodeDirectory;
import dev.playfield.protocol.internal.NodeLoad;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Node loads in this process's memory, expiring by the injected clock. */
final class LocalNodes implements NodeDirectory {

  private record Entry(NodeLoad load, long expiresAtMillis) {}

  private final Clock clock;
  private final Map<String, Entry> nodes = new ConcurrentHashMap<>();

  LocalNodes(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<Void> publish(NodeLoad load, long ttlMillis) {
    nodes.put(load.getNodeId(), new Entry(load, clock.millis() + ttlMillis));
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String nodeId) {
    nodes.remove(nodeId);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<NodeLoad>> all() {
    long now = clock.millis();
    nodes.values().removeIf(entry -> entry.expiresAtMillis() < now);
    return Future.succeededFuture(nodes.values().stream().map(Entry::load).toList());
  }
}
