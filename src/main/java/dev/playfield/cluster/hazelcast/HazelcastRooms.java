package dev.playfield.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.playfield.cluster.RoomStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.Map;

/** Room records in a Hazelcast map by room id; compare-and-set is Hazelcast's replace on bytes. */
final class HazelcastRooms implements RoomStore {

  private final Vertx vertx;
  private final IMap<String, byte[]> map;

  HazelcastRooms(Vertx vertx, IMap<String, byte[]> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<Boolean> replace(String roomId, byte[] expected, byte[] next) {
    return vertx.executeBlocking(() -> expected == null
        ? map.putIfAbsent(roomId, next) == null
        : map.replace(roomId, expected, next), false);
  }

  @Override
  public Future<byte[]> load(String roomId) {
    return Future.fromCompletionStage(map.getAsync(roomId));
  }

  @Override
  public Future<Void> remove(String roomId, byte[] expected) {
    return vertx.executeBlocking(() -> {
      map.remove(roomId, expected);
      return null;
    }, false);
  }

  @Override
  public Future<Map<String, byte[]>> all() {
    return vertx.executeBlocking(() -> Map.copyOf(map), false);
  }

  @Override
  public Future<Map<String, String>> owners() {
    // Each member reads its own partitions' owners; only (room id, owner) pairs cross the network.
    return vertx.executeBlocking(() -> {
      Map<String, String> owners = new HashMap<>();
      for (Map.Entry<String, String> entry : map.project(new RoomOwnerProjection())) {
        owners.put(entry.getKey(), entry.getValue());
      }
      return owners;
    }, false);
  }
}
