package dev.playfield.room;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a room over from its replicated record: after its node died (the leader asks), or when a
 * draining node released it. Every check that can refuse comes before the claim (a compare-and-set
 * on the record), so a refusal never leaves a room claimed by a node that cannot run it.
 * Runs on the host's event loop.
 */
final class RoomTakeover {

  private static final Logger log = LoggerFactory.getLogger(RoomTakeover.class);
  static final long OWNER_GONE_WAIT_NANOS = 1_500_000_000L;
  private static final long OWNER_GONE_POLL_MS = 50;

  private final String nodeId;
  private final ClusterServices cluster;
  private final RoomFactory factory;
  private final HostedRooms rooms;
  private final Supplier<HostRefusal> admission;
  private final HostClock clock;
  private final HostTimers timers;
  private final PlayfieldMetrics metrics;
  private final Supplier<Set<String>> liveGateways;

  RoomTakeover(String nodeId, ClusterServices cluster, RoomFactory factory, HostedRooms rooms,
      Supplier<HostRefusal> admission, HostClock clock, HostTimers timers, PlayfieldMetrics metrics,
      Supplier<Set<String>> liveGateways) {
    this.nodeId = nodeId;
    this.cluster = cluster;
    this.factory = factory;
    this.rooms = rooms;
    this.admission = admission;
    this.clock = clock;
    this.timers = timers;
    this.metrics = metrics;
    this.liveGateways = liveGateways;
  }

  /** Succeeds once the room runs here (it may already have); fails with a {@link HostRefusal} or a cause. */
  Future<Void> takeOver(String roomId) {
    if (rooms.hosts(roomId)) {
      return Future.succeededFuture(); // asked twice (a retry after a lost answer): it is here
    }
    HostRefusal busy = admission.get();
    if (busy != null) {
      return Future.failedFuture(busy);
    }
    return cluster.rooms().load(roomId).compose(bytes -> {
      if (bytes == null) {
        return Future.failedFuture(new HostRefusal(ErrorCode.UNAVAILABLE, "no record of room " + roomId));
      }
      RoomRecord record = RoomRecords.parse(bytes);
      if (!factory.hosts(record.getMode())) {
        return Future.failedFuture(new HostRefusal(ErrorCode.UNKNOWN_MODE,
            "this node cannot host mode " + record.getMode()));
      }
      // A released record is final: its owner stopped the room, though it is still a member.
      Future<Void> ownerDone = record.getReleased() ? Future.succeededFuture()
          : ownerGone(record.getOwner(), clock.nanoTime() + OWNER_GONE_WAIT_NANOS);
      return ownerDone.compose(v -> claim(record, bytes)).map(claimed -> {
        if (!rooms.hosts(roomId)) {
          start(record, claimed);
        }
        return null;
      });
    });
  }

  private Future<byte[]> claim(RoomRecord record, byte[] bytes) {
    HostRefusal busy = admission.get(); // the wait may have been long enough for that to change
    if (busy != null) {
      return Future.failedFuture(busy);
    }
    byte[] claimed = record.toBuilder().setOwner(nodeId).setReleased(false).build().toByteArray();
    return cluster.rooms().replace(record.getRoomId(), bytes, claimed).compose(won -> won
        ? Future.succeededFuture(claimed)
        : Future.failedFuture(new HostRefusal(ErrorCode.UNAVAILABLE, "another node took room "
            + record.getRoomId() + " over")));
  }

  /** Runs the room here; {@code record} is as it was read, {@code claimed} as this node wrote it. */
  private void start(RoomRecord record, byte[] claimed) {
    Room room = factory.restore(record);
    HostedRoom hosted = rooms.open(room, record.getSeed(), claimed);
    hosted.room.disconnectGatewaysOtherThan(liveGateways.get());
    long age = clock.currentTimeMillis() - record.getSavedAtMs();
    if (record.getReleased()) {
      log.info("room {} handed over at tick {} from a copy {} ms old", room.id(), record.getTick(), age);
    } else {
      metrics.roomFailedOver();
      log.info("room {} resumed at tick {} from a copy {} ms old", room.id(), record.getTick(), age);
    }
  }

  /**
   * Completes once {@code owner} is no longer a member as this node sees it. The leader asked for the
   * takeover because its own view says the owner left; this node's view can lag it by a moment, so
   * it waits a little before refusing rather than sending the room back to the leader's next scan.
   */
  private Future<Void> ownerGone(String owner, long deadlineNanos) {
    if (!cluster.leadership().liveNodes().contains(owner)) {
      return Future.succeededFuture();
    }
    if (clock.nanoTime() >= deadlineNanos) {
      return Future.failedFuture(new HostRefusal(ErrorCode.UNAVAILABLE,
          "the room's owner " + owner + " is still a member"));
    }
    Promise<Void> gone = Promise.promise();
    timers.after(OWNER_GONE_POLL_MS, () -> ownerGone(owner, deadlineNanos).onComplete(gone));
    return gone.future();
  }
}
