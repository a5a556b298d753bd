package dev.playfield.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.playfield.cluster.NodeDirectory;
import dev.playfield.protocol.internal.NodeLoad;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Node loads in a Hazelcast map by node id; Hazelcast's own TTL expires them (its clock, not ours). */
final class HazelcastNodes implements NodeDirectory {

  private final Vertx vertx;
  private final IMap<String, byte[]> map;

  HazelcastNodes(Vertx vertx, IMap<String, byte[]> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<Void> publish(NodeLoad load, long ttlMillis) {
    return Future.fromCompletionStage(
        map.setAsync(load.getNodeId(), load.toByteArray(), ttlMillis, TimeUnit.MILLISECONDS));
  }

  @Override
  public Future<Void> remove(String nodeId) {
    return Future.fromCompletionStage(map.removeAsync(nodeId)).mapEmpty();
  }

  @Override
  public Future<List<NodeLoad>> all() {
    return ProtoMaps.values(vertx, map, NodeLoad.parser());
  }
}
