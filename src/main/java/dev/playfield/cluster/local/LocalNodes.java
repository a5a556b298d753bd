package dev.playfield.cluster.local;

import dev.playfield.cluster.NodeDirectory;
import dev.playfield.protocol.internal.NodeLoad;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/** Node loads in this process's memory, expiring by the injected clock. */
final class LocalNodes implements NodeDirectory {

  private final ExpiringEntries<NodeLoad> nodes;

  LocalNodes(Clock clock) {
    this.nodes = new ExpiringEntries<>(clock);
  }

  @Override
  public Future<Void> publish(NodeLoad load, long ttlMillis) {
    nodes.put(load.getNodeId(), load, nodes.now() + ttlMillis);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String nodeId) {
    nodes.remove(nodeId);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<NodeLoad>> all() {
    nodes.removeExpired(nodes.now());
    return Future.succeededFuture(nodes.values());
  }
}
