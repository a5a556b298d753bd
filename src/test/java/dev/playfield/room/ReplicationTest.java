package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.cluster.RoomStore;
import dev.playfield.game.GameSetup;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.Seat;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A room's record writes, against a store that behaves as the cluster's map does when a member
 * dies mid-write: the compare-and-set is applied, retried on the new partition owner, and answered
 * "refused". The room must run on; only a record that names another owner stops it.
 */
class ReplicationTest {

  /** A map of records whose next replace applies the write and then answers false, when told to. */
  static final class RetriedStore implements RoomStore {
    final Map<String, byte[]> records = new HashMap<>();
    boolean nextAnswerLost;

    @Override
    public Future<Boolean> replace(String roomId, byte[] expected, byte[] next) {
      byte[] current = records.get(roomId);
      boolean matches = expected == null ? current == null : Arrays.equals(current, expected);
      if (matches) {
        records.put(roomId, next);
      }
      if (nextAnswerLost) {
        nextAnswerLost = false;
        return Future.succeededFuture(false);
      }
      return Future.succeededFuture(matches);
    }

    @Override
    public Future<byte[]> load(String roomId) {
      return Future.succeededFuture(records.get(roomId));
    }

    @Override
    public Future<Void> remove(String roomId, byte[] expected) {
      records.remove(roomId);
      return Future.succeededFuture();
    }

    @Override
    public Future<Map<String, byte[]>> all() {
      return Future.succeededFuture(Map.copyOf(records));
    }

    @Override
    public Future<Map<String, String>> owners() {
      return Future.succeededFuture(Map.of());
    }
  }

  private final RetriedStore store = new RetriedStore();
  private final List<String> fenced = new ArrayList<>();
  private final Replication replication = new Replication(store, "node-a", HostClock.SYSTEM, hosted -> fenced.add(hosted.id()));

  private static HostedRoom hostedRoom() {
    QuickGameType type = new QuickGameType(1_000);
    Room room = new Room("room-1", HostFixture.mode(8), type,
        type.create(new GameSetup(7, 20, List.of("ann", "bob"), Map.of())),
        List.of(Seat.newBuilder().setPlayerId("p-ann").setName("ann").build(),
            Seat.newBuilder().setPlayerId("p-bob").setName("bob").build()), 100);
    return new HostedRoom(room, 7);
  }

  @Test
  void aWriteRefusedAfterItLandedKeepsTheRoomRunningAndTheNextWriteGoesThrough() {
    HostedRoom hosted = hostedRoom();
    replication.write(hosted);
    store.nextAnswerLost = true;
    hosted.room.tickOnce();
    replication.write(hosted);
    assertThat(fenced).isEmpty();
    assertThat(hosted.replicated).isEqualTo(store.records.get("room-1"));

    hosted.room.tickOnce();
    replication.write(hosted);
    assertThat(fenced).isEmpty();
    assertThat(store.records.get("room-1")).isEqualTo(hosted.replicated);
  }

  @Test
  void aRecordOfAnotherOwnerStopsTheRoomHere() throws Exception {
    HostedRoom hosted = hostedRoom();
    replication.write(hosted);
    RoomRecord taken = RoomRecord.parseFrom(store.records.get("room-1")).toBuilder().setOwner("node-b").build();
    store.records.put("room-1", taken.toByteArray());
    hosted.room.tickOnce();
    replication.write(hosted);
    assertThat(fenced).containsExactly("room-1");
  }

  @Test
  void aRecordRemovedByOthersStopsTheRoomHere() {
    HostedRoom hosted = hostedRoom();
    replication.write(hosted);
    store.records.clear();
    hosted.room.tickOnce();
    replication.write(hosted);
    assertThat(fenced).containsExactly("room-1");
  }
}
