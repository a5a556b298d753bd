package dev.playfield.cluster.hazelcast;

import com.hazelcast.map.IMap;
import dev.playfield.cluster.PrivateRoomStore;
import dev.playfield.protocol.internal.StoredPrivateRoom;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Private rooms in a Hazelcast map by code, as Protobuf bytes. */
final class HazelcastPrivateRooms implements PrivateRoomStore {

  private final Vertx vertx;
  private final IMap<String, byte[]> map;

  HazelcastPrivateRooms(Vertx vertx, IMap<String, byte[]> map) {
    this.vertx = vertx;
    this.map = map;
  }

  @Override
  public Future<Void> save(StoredPrivateRoom room) {
    return Future.fromCompletionStage(map.setAsync(room.getCode(), room.toByteArray()));
  }

  @Override
  public Future<Void> remove(String code) {
    return Future.fromCompletionStage(map.removeAsync(code)).mapEmpty();
  }

  @Override
  public Future<List<StoredPrivateRoom>> loadAll() {
    return ProtoMaps.values(vertx, map, StoredPrivateRoom.parser());
  }
}
