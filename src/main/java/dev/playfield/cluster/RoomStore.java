package dev.playfield.cluster;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * The replicated records of running rooms (serialized {@code RoomRecord}s), from which a room
 * resumes on another node when its own dies. Writes are compare-and-set on the whole record, so a
 * room has one owner: a node whose write fails has been fenced off and must stop running the room.
 * Methods never block and may be called from any thread.
 */
public interface RoomStore {

  /**
   * Replaces the record if it is still {@code expected} (null: if there is none yet); true when it
   * did. The comparison is on bytes, so pass exactly what was last written or read.
   */
  Future<Boolean> replace(String roomId, byte[] expected, byte[] next);

  /** The record's bytes, or null. */
  Future<byte[]> load(String roomId);

  /** Removes the record if it is still {@code expected}. */
  Future<Void> remove(String roomId, byte[] expected);

  /** Every record, by room id. */
  Future<Map<String, byte[]>> all();

  /**
   * The owner node of every record, by room id: what the failover scan needs, without copying the
   * game snapshots out of the store. An unreadable record has an empty owner.
   */
  Future<Map<String, String>> owners();

  /** Room ids only (cheaper than {@link #all()} for listings). */
  default Future<List<String>> ids() {
    return all().map(records -> List.copyOf(records.keySet()));
  }
}
