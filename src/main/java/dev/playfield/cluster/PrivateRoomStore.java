package dev.playfield.cluster;

import dev.playfield.protocol.internal.StoredPrivateRoom;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where the active matchmaker keeps the private rooms that have not started, so the matchmaker
 * that takes over after its node left (or drained) holds the same rooms. Written only by the
 * active matchmaker; methods never block and may be called from any thread.
 */
public interface PrivateRoomStore {

  /** Keeps the room (replacing the one of the same code). */
  Future<Void> save(StoredPrivateRoom room);

  /** Forgets the room of this code (started and placed, or closed). */
  Future<Void> remove(String code);

  /** Every room kept, in no particular order. */
  Future<List<StoredPrivateRoom>> loadAll();
}
