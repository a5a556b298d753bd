package dev.playfield.matchmaking;

import dev.playfield.cluster.RoomPlacement;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredTicket;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a formed match's room on the node with the most headroom, through a circuit breaker per
 * node, and on the next node when one fails. Breakers are keyed by node id, which is new at every
 * start, so a restarted node is never held back by its previous life's failures. Not thread-safe:
 * the matchmaker's event loop owns it.
 */
final class RoomOpener {

  private static final Logger log = LoggerFactory.getLogger(RoomOpener.class);
  private static final long CREATE_ROOM_TIMEOUT_MS = 2_000;
  private static final String TARGET = "room_host";

  private final Vertx vertx;
  private final PlayfieldMetrics metrics;
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private final RecentPlacements recent = new RecentPlacements();

  RoomOpener(Vertx vertx, PlayfieldMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  /** Opens the room; fails when no node could (none has room, or every one refused). */
  Future<RoomCreated> open(String mode, List<StoredTicket> tickets, List<NodeLoad> nodes) {
    return openSeats(mode, tickets.stream().map(ticket -> ticket.getRequest().getSeat()).toList(), nodes);
  }

  /** Opens a room with these seats (a private room's members); fails as {@link #open} does. */
  Future<RoomCreated> openSeats(String mode, List<Seat> seats, List<NodeLoad> nodes) {
    CreateRoom create = CreateRoom.newBuilder().setMode(mode).setSeed(ThreadLocalRandom.current().nextLong())
        .addAllSeats(seats).build();
    return place(create, RoomPlacement.rank(recent.adjust(nodes)), 0);
  }

  private Future<RoomCreated> place(CreateRoom create, List<NodeLoad> candidates, int index) {
    if (index >= candidates.size()) {
      return Future.failedFuture(candidates.isEmpty() ? "no node has room" : "every node refused");
    }
    String nodeId = candidates.get(index).getNodeId();
    RecentPlacements.Placement placement = recent.sent(nodeId);
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(CREATE_ROOM_TIMEOUT_MS);
    return breaker(nodeId)
        .<RoomCreated>execute(() -> vertx.eventBus().<RoomCreated>request(Addresses.roomHost(nodeId), create, options)
            .map(Message::body))
        .onSuccess(created -> recent.confirmed(placement, created.getRoomsOpened()))
        .recover(cause -> {
          recent.failed(placement);
          BusFailure failure = MatchmakerVerticle.recordFailure(metrics, TARGET, cause);
          log.info("node {} did not open a room ({}: {}); trying the next", nodeId, failure.label(), cause.getMessage());
          return place(create, candidates, index + 1);
        });
  }

  // A sick node is skipped for a while instead of being waited on for every match.
  private CircuitBreaker breaker(String nodeId) {
    return breakers.computeIfAbsent(nodeId, id -> CircuitBreaker.create("room-host-" + id, vertx,
        new CircuitBreakerOptions().setMaxFailures(3).setTimeout(CREATE_ROOM_TIMEOUT_MS + 500).setResetTimeout(10_000)));
  }
}
