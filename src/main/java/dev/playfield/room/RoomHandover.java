package dev.playfield.room;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.RoomPlacement;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.ResumeRoom;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a draining node's rooms to other nodes, so a rolling deploy does not wait for whole
 * matches: per room, stop its ticks, hold what arrives for it, write its final record marked
 * released, and ask the live, non-draining nodes with the most headroom to take it over, one after another.
 * A room nobody takes goes on here (a one-node cluster, everyone full) and is marked as staying.
 * Players see a pause of about one round trip and a write, and no new MatchFound: gateways keep
 * sending to the room's address, which the taker registers; what was held meanwhile (inputs, seat
 * changes, seat resumes) is passed on to it, so a drain loses no input. Host event loop only.
 */
final class RoomHandover {

  private static final Logger log = LoggerFactory.getLogger(RoomHandover.class);
  private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(3_000);

  private final String nodeId;
  private final ClusterServices cluster;
  private final EventBus bus;
  private final HostedRooms rooms;
  private final Replication replication;
  private final RoomTicker ticker;
  private final PlayfieldMetrics metrics;

  RoomHandover(String nodeId, ClusterServices cluster, EventBus bus, HostedRooms rooms, Replication replication,
      RoomTicker ticker, PlayfieldMetrics metrics) {
    this.nodeId = nodeId;
    this.cluster = cluster;
    this.bus = bus;
    this.rooms = rooms;
    this.replication = replication;
    this.ticker = ticker;
    this.metrics = metrics;
  }

  /** Completes when every room has gone to another node or is known to stay here; never fails. */
  Future<Void> handOverAll() {
    List<HostedRoom> hosted = rooms.snapshot().stream()
        .filter(h -> h.ending == null && !h.handingOver && !h.stayedOnDrain).toList();
    if (hosted.isEmpty()) {
      return Future.succeededFuture();
    }
    return candidates().recover(cause -> {
      log.warn("hand-over: could not read the node directory: {}", cause.getMessage());
      return Future.succeededFuture(List.of());
    }).compose(targets -> Future.join(hosted.stream().map(h -> handOver(h, targets)).toList())).mapEmpty();
  }

  private Future<List<String>> candidates() {
    Set<String> live = cluster.leadership().liveNodes();
    return cluster.nodes().all().map(loads -> RoomPlacement.rank(loads).stream().map(NodeLoad::getNodeId)
        .filter(node -> !node.equals(nodeId) && live.contains(node)).toList());
  }

  private Future<Void> handOver(HostedRoom hosted, List<String> targets) {
    if (targets.isEmpty()) {
      stay(hosted, "no other node can take it");
      return Future.succeededFuture();
    }
    hosted.handingOver = true;
    ticker.stop(hosted);
    // From here what gateways send is held, not applied, so nothing changes the room between its
    // final record and the taker; the taker gets it once it hosts the room (HostedRooms.released).
    return replication.writeFinal(hosted, true).transform(written -> {
      if (written.failed()) {
        stay(hosted, "its final record could not be written: " + written.cause().getMessage());
        return resumeHere(hosted);
      }
      if (!written.result()) {
        log.warn("room {} was taken over by another node during the drain; stopping it here", hosted.id());
        rooms.close(hosted, false);
        return Future.succeededFuture();
      }
      return ask(hosted, targets, 0);
    });
  }

  /** Asks target after target (best first; the room's id rotates the start to spread rooms out). */
  private Future<Void> ask(HostedRoom hosted, List<String> targets, int attempt) {
    if (hosted.ending != null) {
      return Future.succeededFuture(); // ended meanwhile (an operator): its record is going, not moving
    }
    if (attempt >= targets.size()) {
      return takeBack(hosted);
    }
    String target = targets.get((attempt + Math.floorMod(hosted.id().hashCode(), targets.size())) % targets.size());
    return bus.request(Addresses.roomHost(target), ResumeRoom.newBuilder().setRoomId(hosted.id()).build(), ASK)
        .transform(done -> {
          if (done.succeeded()) {
            log.info("room {} handed over to {} at tick {}", hosted.id(), target, hosted.room.tick());
            rooms.released(hosted);
            return Future.succeededFuture();
          }
          BusFailure failure = BusFailure.of(done.cause());
          metrics.remoteFailure("room_host", failure);
          log.info("node {} did not take room {} ({}): {}", target, hosted.id(), failure.label(),
              done.cause().getMessage());
          return ask(hosted, targets, attempt + 1);
        });
  }

  /**
   * Nobody took the room: claim the released record back and run on. If even that is refused, a
   * node did take it after all (its answer was lost), so the room stops here.
   */
  private Future<Void> takeBack(HostedRoom hosted) {
    return replication.writeFinal(hosted, false).transform(done -> {
      if (done.succeeded() && !done.result()) {
        log.info("room {} was taken by a node whose answer was lost; stopping it here", hosted.id());
        rooms.released(hosted);
        return Future.succeededFuture();
      }
      stay(hosted, "no node took it");
      return resumeHere(hosted);
    });
  }

  private void stay(HostedRoom hosted, String why) {
    hosted.stayedOnDrain = true;
    log.info("room {} stays on this draining node until it ends: {}", hosted.id(), why);
  }

  private Future<Void> resumeHere(HostedRoom hosted) {
    hosted.handingOver = false;
    rooms.applyHeld(hosted);
    if (hosted.room.phase() != Room.Phase.DISPOSED && hosted.ending == null) {
      ticker.start(hosted);
    }
    return Future.succeededFuture();
  }
}
