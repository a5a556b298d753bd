package dev.playfield.room;

import dev.playfield.cluster.RoomStore;
import io.vertx.core.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes hosted rooms' records to the cluster, each a compare-and-set against the bytes this node
 * wrote last. A refused write whose stored record names another owner (or none) means another
 * node took the room over (this one was thought dead): {@code onFenced} stops it here. One write in
 * flight per room. Runs on the host's event loop.
 */
final class Replication {

  private static final Logger log = LoggerFactory.getLogger(Replication.class);

  private final RoomStore store;
  private final String nodeId;
  private final HostClock clock;
  private final Consumer<HostedRoom> onFenced;

  Replication(RoomStore store, String nodeId, HostClock clock, Consumer<HostedRoom> onFenced) {
    this.store = store;
    this.nodeId = nodeId;
    this.clock = clock;
    this.onFenced = onFenced;
  }

  /** Writes the room's record now unless a write is in flight (the next due tick writes a newer one). */
  void write(HostedRoom hosted) {
    if (hosted.saving != null) {
      return;
    }
    save(hosted, false).onSuccess(written -> {
      if (!written && hosted.room.phase() != Room.Phase.DISPOSED) {
        log.warn("room {} was taken over by another node; stopping it here", hosted.id());
        onFenced.accept(hosted);
      }
    });
  }

  /**
   * After any write in flight, writes the room's record as it is now; {@code released} marks it as
   * given up by this node (a drain's hand-over). True when this node still owned the room.
   */
  Future<Boolean> writeFinal(HostedRoom hosted, boolean released) {
    return pending(hosted).transform(ignored -> save(hosted, released));
  }

  /** Removes the room's record (it will not resume anywhere), after any write in flight. */
  Future<Void> forget(HostedRoom hosted) {
    // After the write in flight, or it could bring the record back.
    return pending(hosted).eventually(() -> hosted.replicated == null ? Future.succeededFuture()
        : store.remove(hosted.id(), hosted.replicated)).mapEmpty();
  }

  private Future<Boolean> save(HostedRoom hosted, boolean released) {
    byte[] next = RoomRecords.record(hosted.room, nodeId, hosted.seed).toBuilder()
        .setSavedAtMs(clock.currentTimeMillis()).setReleased(released).build().toByteArray();
    Future<Boolean> saving = store.replace(hosted.id(), hosted.replicated, next).compose(replaced -> {
      if (replaced) {
        hosted.replicated = next;
        return Future.succeededFuture(true);
      }
      return stillOurs(hosted);
    });
    // Set before the handler is attached: a store that answers at once runs the handler right here.
    hosted.saving = saving;
    return saving.andThen(done -> hosted.saving = null);
  }

  /**
   * A refused write is not always another owner: when a member dies mid-write, the cluster retries
   * the compare-and-set on the new partition owner, which may hold this very write already, and
   * refuses it. Only a taker writes a record naming another owner, so a record that names this
   * node is this node's own last write: it becomes the expected value and the room runs on. (Left
   * unread, a room was stopped here with no taker, and its players waited for a failover that came
   * only when this node died too.)
   */
  private Future<Boolean> stillOurs(HostedRoom hosted) {
    return store.load(hosted.id()).map(current -> {
      if (current == null || !nodeId.equals(RoomRecords.owner(current))) {
        return false;
      }
      hosted.replicated = current;
      return true;
    });
  }

  private static Future<?> pending(HostedRoom hosted) {
    return hosted.saving == null ? Future.succeededFuture() : hosted.saving;
  }
}
