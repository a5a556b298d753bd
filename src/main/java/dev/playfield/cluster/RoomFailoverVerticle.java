package dev.playfield.cluster;

import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.ResumeRoom;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes the rooms of nodes that left: on the leader only, whenever membership changes (and every
 * few seconds in case an attempt failed), finds replicated rooms whose owner is no longer a member
 * and asks the node with the most headroom to take each over. The taking node claims the record
 * with a compare-and-set, so a room never gets two new owners.
 */
public final class RoomFailoverVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(RoomFailoverVerticle.class);
  private static final long SCAN_EVERY_MS = 3_000;
  /** After a failed takeover or scan: the cluster is settling, try again soon rather than in SCAN_EVERY_MS. */
  private static final long RESCAN_AFTER_FAILURE_MS = 250;
  private static final DeliveryOptions RESUME = new DeliveryOptions().setSendTimeout(3_000);

  private final ClusterServices cluster;
  private final Set<String> inFlight = new HashSet<>();
  private boolean scanning;
  private boolean rescanPending;

  public RoomFailoverVerticle(ClusterServices cluster) {
    this.cluster = cluster;
  }

  @Override
  public Future<?> start() {
    cluster.leadership().onChange(() -> context.runOnContext(v -> scan()));
    vertx.setPeriodic(SCAN_EVERY_MS, id -> scan());
    return Future.succeededFuture();
  }

  private void scan() {
    if (!cluster.leadership().isLeader()) {
      return;
    }
    if (scanning) {
      rescanSoon(); // this scan may have read the cluster as it was before the change that called us
      return;
    }
    scanning = true;
    long started = System.nanoTime();
    Set<String> live = cluster.leadership().liveNodes();
    cluster.rooms().owners().compose(owners -> cluster.nodes().all().map(loads -> {
      List<NodeLoad> candidates = RoomPlacement.rank(loads.stream()
          .filter(load -> live.contains(load.getNodeId())).toList());
      int orphans = 0;
      for (var room : owners.entrySet()) {
        String owner = room.getValue();
        if (!owner.isEmpty() && !live.contains(owner) && !inFlight.contains(room.getKey())) {
          orphans++;
          resume(room.getKey(), owner, candidates, 0);
        }
      }
      if (orphans > 0) {
        log.info("failover: {} of {} rooms belong to departed nodes (read in {} ms); moving them to {} nodes", orphans,
            owners.size(), (System.nanoTime() - started) / 1_000_000, candidates.size());
      }
      return null;
    })).onComplete(done -> {
      scanning = false;
      if (done.failed()) {
        log.warn("failover scan failed: {}", done.cause().getMessage());
        rescanSoon();
      }
    });
  }

  private void resume(String roomId, String deadOwner, List<NodeLoad> candidates, int index) {
    if (index >= candidates.size()) {
      log.warn("room {} of departed node {}: no node could take it over yet", roomId, deadOwner);
      rescanSoon();
      return;
    }
    inFlight.add(roomId);
    // Rotate the start so a dead node's rooms spread over the survivors.
    String target = candidates.get((index + Math.floorMod(roomId.hashCode(), candidates.size())) % candidates.size())
        .getNodeId();
    vertx.eventBus().request(Addresses.roomHost(target), ResumeRoom.newBuilder().setRoomId(roomId).build(), RESUME)
        .onComplete(done -> {
          inFlight.remove(roomId);
          if (done.succeeded()) {
            log.info("room {} of departed node {} now runs on {}", roomId, deadOwner, target);
          } else {
            log.info("node {} did not take room {} over: {}", target, roomId, done.cause().getMessage());
            resume(roomId, deadOwner, candidates, index + 1);
          }
        });
  }

  private void rescanSoon() {
    if (!rescanPending) {
      rescanPending = true;
      vertx.setTimer(RESCAN_AFTER_FAILURE_MS, id -> {
        rescanPending = false;
        scan();
      });
    }
  }
}
