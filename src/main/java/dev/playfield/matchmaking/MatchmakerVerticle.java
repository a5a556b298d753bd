package dev.playfield.matchmaking;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.RoomPlacement;
import dev.playfield.config.ModeConfig;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredTicket;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-bus face of the {@link Matchmaker}. Every node deploys one, but only the leader's is
 * active: it alone listens at {@link Addresses#MATCHMAKER}, so each queue has exactly one
 * matchmaker in the cluster. Every acknowledged ticket is also kept in the cluster's
 * {@code TicketStore}; a matchmaker that becomes active loads them, waiting times included.
 * Matches go to the node with the most headroom, through a circuit breaker per node, and to the
 * next node when one fails.
 */
public final class MatchmakerVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(MatchmakerVerticle.class);
  private static final long CREATE_ROOM_TIMEOUT_MS = 2_000;

  private final Map<String, ModeConfig> modes;
  private final int intervalMs;
  private final int maxMatchesPerPass;
  private final Clock clock;
  private final ClusterServices cluster;
  private final Map<String, CircuitBreaker> breakers = new HashMap<>();
  private final RecentPlacements recent = new RecentPlacements();
  private Matchmaker matchmaker;
  private MessageConsumer<Object> consumer;
  private long timerId = -1;
  private boolean forming;
  private PlayfieldMetrics metrics;

  /**
   * @param maxMatchesPerPass matches formed per pass at most: a crowd that queues at once (the end of
   *     a wave of matches that started together) is seated over a few passes instead of in one burst
   *     that holds up the ticks of running rooms on the same event loop
   */
  public MatchmakerVerticle(Map<String, ModeConfig> modes, int intervalMs, int maxMatchesPerPass, Clock clock,
      ClusterServices cluster) {
    this.modes = modes;
    this.intervalMs = intervalMs;
    this.maxMatchesPerPass = maxMatchesPerPass;
    this.clock = clock;
    this.cluster = cluster;
  }

  @Override
  public Future<?> start() {
    metrics = PlayfieldMetrics.of(vertx);
    cluster.leadership().onChange(() -> context.runOnContext(v -> reconsider()));
    return reconsider();
  }

  @Override
  public Future<?> stop() {
    return deactivate();
  }

  private Future<?> reconsider() {
    boolean leader = cluster.leadership().isLeader();
    if (leader && matchmaker == null) {
      return activate();
    }
    if (!leader && matchmaker != null) {
      return deactivate();
    }
    return Future.succeededFuture();
  }

  private Future<?> activate() {
    Map<String, QueueRules> rules = new LinkedHashMap<>();
    modes.forEach((name, mode) -> rules.put(name, QueueRules.from(mode.queue())));
    Matchmaker fresh = new Matchmaker(rules, clock);
    matchmaker = fresh;
    return cluster.tickets().loadAll().compose(stored -> {
      stored.stream().sorted(Comparator.comparingLong(StoredTicket::getEnqueuedAtMs)).forEach(ticket -> {
        Seat seat = ticket.getRequest().getSeat();
        fresh.join(ticket.getRequest().getMode(), seat.getPlayerId(), seat.getRating(), ticket,
            Instant.ofEpochMilli(ticket.getEnqueuedAtMs()));
      });
      consumer = vertx.eventBus().consumer(Addresses.MATCHMAKER, this::onRequest);
      timerId = vertx.setPeriodic(intervalMs, id -> formMatches());
      log.info("matchmaker active on node {} with {} waiting tickets", cluster.nodeId(), stored.size());
      return consumer.completion();
    });
  }

  private Future<?> deactivate() {
    matchmaker = null;
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void onRequest(Message<Object> request) {
    if (request.body() instanceof TicketRequest ticket) {
      onTicket(request, ticket);
    } else if (request.body() instanceof CancelTicket cancel) {
      onCancel(request, cancel);
    } else {
      request.fail(ErrorCode.UNKNOWN_MESSAGE_VALUE, "the matchmaker takes TicketRequest and CancelTicket");
    }
  }

  private void onTicket(Message<Object> request, TicketRequest ticket) {
    Seat seat = ticket.getSeat();
    Instant now = clock.instant();
    StoredTicket stored = StoredTicket.newBuilder().setRequest(ticket).setEnqueuedAtMs(now.toEpochMilli()).build();
    switch (matchmaker.join(ticket.getMode(), seat.getPlayerId(), seat.getRating(), stored, now)) {
      case QUEUED -> cluster.tickets().save(stored).onComplete(saved -> {
        if (saved.succeeded()) {
          request.reply(null);
        } else {
          matchmaker.leave(seat.getPlayerId());
          request.fail(ErrorCode.UNAVAILABLE_VALUE, "the queue could not be saved; try again");
        }
      });
      case UNKNOWN_MODE -> request.fail(ErrorCode.UNKNOWN_MODE_VALUE,
          "no mode '" + ticket.getMode() + "'; modes: " + String.join(", ", matchmaker.modes()));
      case ALREADY_QUEUED -> request.fail(ErrorCode.ALREADY_QUEUED_VALUE, "already waiting in a queue");
      case QUEUE_FULL -> request.fail(ErrorCode.UNAVAILABLE_VALUE, "the queue is full; try again later");
    }
  }

  private void onCancel(Message<Object> request, CancelTicket cancel) {
    if (matchmaker.leave(cancel.getPlayerId()).isPresent()) {
      cluster.tickets().remove(List.of(cancel.getPlayerId())).onComplete(done -> request.reply(null));
    } else {
      request.fail(ErrorCode.INVALID_STATE_VALUE, "not waiting in a queue (a match may just have been found)");
    }
  }

  private void formMatches() {
    if (matchmaker == null || forming) {
      return;
    }
    List<Matchmaker.FormedMatch> matches = matchmaker.process(maxMatchesPerPass);
    if (matches.isEmpty()) {
      return;
    }
    forming = true;
    List<String> matched = matches.stream()
        .flatMap(match -> match.tickets().stream()).map(Ticket::playerId).toList();
    cluster.nodes().all()
        .compose(nodes -> cluster.tickets().remove(matched).map(nodes))
        .onComplete(done -> {
          forming = false;
          List<NodeLoad> nodes = done.succeeded() ? done.result() : List.of();
          Set<String> liveGateways = nodes.stream()
              .map(node -> Addresses.gateway(node.getNodeId())).collect(Collectors.toSet());
          for (Matchmaker.FormedMatch match : matches) {
            placeOrRequeue(match, liveGateways, nodes);
          }
        });
  }

  private void placeOrRequeue(Matchmaker.FormedMatch match, Set<String> liveGateways, List<NodeLoad> nodes) {
    List<StoredTicket> tickets = match.tickets().stream().map(t -> (StoredTicket) t.payload()).toList();
    List<StoredTicket> orphans = tickets.stream()
        .filter(t -> !liveGateways.contains(t.getRequest().getSeat().getGateway())).toList();
    if (!orphans.isEmpty()) {
      // Players whose gateway node is gone cannot be seated; the others wait for the next match.
      log.info("dropping {} tickets of players on departed nodes", orphans.size());
      tickets.stream().filter(t -> !orphans.contains(t)).forEach(this::requeue);
      return;
    }
    CreateRoom.Builder create = CreateRoom.newBuilder()
        .setMode(match.mode()).setSeed(ThreadLocalRandom.current().nextLong());
    tickets.forEach(ticket -> create.addSeats(ticket.getRequest().getSeat()));
    List<NodeLoad> candidates = RoomPlacement.rank(recent.adjust(nodes));
    place(create.build(), candidates, 0).onSuccess(created -> tickets.forEach(ticket ->
        metrics.matchmakingWait(match.mode(), clock.millis() - ticket.getEnqueuedAtMs()))).onFailure(cause -> {
      log.warn("no node could open a room for {} players of {}: {}; they wait for the next match",
          tickets.size(), match.mode(), cause.getMessage());
      tickets.forEach(this::requeue);
    });
  }

  private Future<Object> place(CreateRoom create, List<NodeLoad> candidates, int index) {
    if (index >= candidates.size()) {
      return Future.failedFuture(candidates.isEmpty() ? "no node has room" : "every node refused");
    }
    String nodeId = candidates.get(index).getNodeId();
    RecentPlacements.Placement placement = recent.sent(nodeId);
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(CREATE_ROOM_TIMEOUT_MS);
    return breaker(nodeId)
        .<Object>execute(() -> vertx.eventBus().request(Addresses.roomHost(nodeId), create, options).map(Message::body))
        .onSuccess(created -> recent.confirmed(placement, ((RoomCreated) created).getRoomsOpened()))
        .recover(cause -> {
          recent.failed(placement);
          log.info("node {} did not open a room ({}); trying the next", nodeId, cause.getMessage());
          return place(create, candidates, index + 1);
        });
  }

  private void requeue(StoredTicket ticket) {
    if (matchmaker == null) {
      return;
    }
    Seat seat = ticket.getRequest().getSeat();
    matchmaker.join(ticket.getRequest().getMode(), seat.getPlayerId(), seat.getRating(), ticket,
        Instant.ofEpochMilli(ticket.getEnqueuedAtMs()));
    cluster.tickets().save(ticket);
  }

  // A sick node is skipped for a while instead of being waited on for every match.
  private CircuitBreaker breaker(String nodeId) {
    return breakers.computeIfAbsent(nodeId, id -> CircuitBreaker.create("room-host-" + id, vertx,
        new CircuitBreakerOptions().setMaxFailures(3).setTimeout(CREATE_ROOM_TIMEOUT_MS + 500).setResetTimeout(10_000)));
  }
}
