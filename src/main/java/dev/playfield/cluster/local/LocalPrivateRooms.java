package dev.playfield.cluster.local;

import dev.playfield.cluster.PrivateRoomStore;
import dev.playfield.protocol.internal.StoredPrivateRoom;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Private rooms in this process's memory. */
final class LocalPrivateRooms implements PrivateRoomStore {

  private final Map<String, StoredPrivateRoom> rooms = new ConcurrentHashMap<>();

  @Override
  public Future<Void> save(StoredPrivateRoom room) {
    rooms.put(room.getCode(), room);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> remove(String code) {
    rooms.remove(code);
    return Future.succeededFuture();
  }

  @Override
  public Future<List<StoredPrivateRoom>> loadAll() {
    return Future.succeededFuture(new ArrayList<>(rooms.values()));
  }
}
