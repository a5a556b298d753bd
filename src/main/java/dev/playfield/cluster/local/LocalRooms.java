package dev.playfield.cluster.local;

import dev.playfield.cluster.RoomStore;
import dev.playfield.protocol.internal.RoomRecord;
import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.Future;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Room records in this process's memory; the compare-and-set holds under this object's lock. */
final class LocalRooms implements RoomStore {

  private final Map<String, byte[]> records = new ConcurrentHashMap<>();

  @Override
  public synchronized Future<Boolean> replace(String roomId, byte[] expected, byte[] next) {
    byte[] current = records.get(roomId);
    boolean matches = expected == null ? current == null : Arrays.equals(current, expected);
    if (matches) {
      records.put(roomId, next);
    }
    return Future.succeededFuture(matches);
  }

  @Override
  public Future<byte[]> load(String roomId) {
    return Future.succeededFuture(records.get(roomId));
  }

  @Override
  public synchronized Future<Void> remove(String roomId, byte[] expected) {
    if (Arrays.equals(records.get(roomId), expected)) {
      records.remove(roomId);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Map<String, byte[]>> all() {
    return Future.succeededFuture(Map.copyOf(records));
  }

  @Override
  public Future<Map<String, String>> owners() {
    Map<String, String> owners = new HashMap<>();
    records.forEach((roomId, bytes) -> {
      try {
        owners.put(roomId, RoomRecord.parseFrom(bytes).getOwner());
      } catch (InvalidProtocolBufferException e) {
        owners.put(roomId, ""); // unreadable: no owner anyone could be waiting on
      }
    });
    return Future.succeededFuture(owners);
  }
}
