package dev.playfield.matchmaking;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.config.ModeConfig;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.PrivateRoomRequest;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredTicket;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event-bus face of the {@link Matchmaker}. Every node deploys one, but only the leader's is
 * active: it alone listens at {@link Addresses#MATCHMAKER}, so each queue has exactly one
 * matchmaker in the cluster. Every acknowledged ticket is also kept in the cluster's
 * {@code TicketStore} until its room is placed; a matchmaker that becomes active loads them,
 * waiting times included. Matches go to the node with the most headroom ({@link RoomOpener}).
 *
 * <p>A ticket left the store only once its room was placed, so a leader that stops mid-pass loses
 * none. The price: if a leader stops between placing a room and removing its tickets, the next one
 * seats those players again; that second room's seats go to players already IN_MATCH, which their
 * gateway refuses (SeatLeft), so the second room ends without them.
 */
public final class MatchmakerVerticle extends VerticleBase {

  /** A player's rating in a mode, from the store of record: a private room's seats are rated at its start. */
  @FunctionalInterface
  public interface RatingLookup {
    Future<Integer> rating(String playerId, String mode);
  }

  private static final Logger log = LoggerFactory.getLogger(MatchmakerVerticle.class);

  private final Map<String, ModeConfig> modes;
  private final int intervalMs;
  private final int maxMatchesPerPass;
  private final Clock clock;
  private final ClusterServices cluster;
  private final PlayfieldMetrics metrics;
  private final RatingLookup ratings;
  /** The one dispatch of {@link Addresses#MATCHMAKER}: the handler of each request type it takes. */
  private final Map<Class<?>, BiConsumer<Message<Object>, Object>> handlers = Map.of(
      TicketRequest.class, (request, body) -> onTicket(request, (TicketRequest) body),
      CancelTicket.class, (request, body) -> onCancel(request, (CancelTicket) body),
      PrivateRoomRequest.class, (request, body) -> this.privateRooms.onRequest(request, (PrivateRoomRequest) body));
  private final Set<String> placing = new HashSet<>();
  private RoomOpener opener;
  private Matchmaker matchmaker;
  /** The private rooms while this matchmaker is active (kept in the cluster for the next one). */
  private PrivateRoomDesk privateRooms;
  private MessageConsumer<Object> consumer;
  private long timerId = -1;
  private Future<Void> pass = Future.succeededFuture();
  private boolean steppedDown;

  /**
   * @param maxMatchesPerPass matches formed per pass at most: a crowd that queues at once (the end of
   *     a wave of matches that started together) is seated over a few passes instead of in one burst
   *     that holds up the ticks of running rooms on the same event loop
   */
  public MatchmakerVerticle(Map<String, ModeConfig> modes, int intervalMs, int maxMatchesPerPass, Clock clock,
      ClusterServices cluster, PlayfieldMetrics metrics, RatingLookup ratings) {
    this.ratings = ratings;
    this.modes = modes;
    this.intervalMs = intervalMs;
    this.maxMatchesPerPass = maxMatchesPerPass;
    this.clock = clock;
    this.cluster = cluster;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    opener = new RoomOpener(vertx, metrics);
    cluster.leadership().onChange(() -> context.runOnContext(v -> reconsider()));
    return reconsider();
  }

  @Override
  public Future<?> stop() {
    return deactivate();
  }

  /**
   * Gives the role up for good (the node is draining): no new pass starts, the pass under way
   * finishes, and the address is released so the next leader can take it. Tickets stay in the
   * store for the next leader. Call on this verticle's context; the node resigns leadership after.
   */
  public Future<Void> stepDown() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> {
      steppedDown = true;
      deactivate().onComplete(done);
    });
    return done.future();
  }

  private Future<?> reconsider() {
    boolean leader = cluster.leadership().isLeader() && !steppedDown;
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
    privateRooms = new PrivateRoomDesk(modes, opener, cluster, vertx.eventBus(), ratings,
        clock.millis() * 1000);
    PrivateRoomDesk desk = privateRooms;
    return desk.restore().compose(v -> cluster.tickets().loadAll()).compose(stored -> {
      stored.stream().sorted(Comparator.comparingLong(StoredTicket::getEnqueuedAtMs)).forEach(ticket -> join(fresh, ticket));
      consumer = vertx.eventBus().consumer(Addresses.MATCHMAKER, this::onRequest);
      timerId = vertx.setPeriodic(intervalMs, id -> runPass());
      log.info("matchmaker active on node {} with {} waiting tickets", cluster.nodeId(), stored.size());
      return consumer.completion();
    });
  }

  private Future<Void> deactivate() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
    MessageConsumer<Object> listening = consumer;
    consumer = null;
    // The pass under way places its rooms first; its requeues then find no matchmaker and leave
    // the tickets in the store, where the next leader finds them.
    return pass.eventually(() -> {
      matchmaker = null;
      if (privateRooms != null) {
        privateRooms.release();
        privateRooms = null;
      }
      return listening == null ? Future.succeededFuture() : listening.unregister();
    });
  }

  private void onRequest(Message<Object> request) {
    BiConsumer<Message<Object>, Object> handler = request.body() == null ? null : handlers.get(request.body().getClass());
    if (handler == null) {
      request.fail(ErrorCode.UNKNOWN_MESSAGE_VALUE, "the matchmaker takes TicketRequest, CancelTicket and PrivateRoomRequest");
    } else if (matchmaker == null) {
      request.fail(ErrorCode.UNAVAILABLE_VALUE, "the matchmaker is moving to another node; try again");
    } else {
      handler.accept(request, request.body());
    }
  }

  private void onTicket(Message<Object> request, TicketRequest ticket) {
    Seat seat = ticket.getSeat();
    Instant now = clock.instant();
    StoredTicket stored = StoredTicket.newBuilder().setRequest(ticket).setEnqueuedAtMs(now.toEpochMilli()).build();
    Matchmaker current = matchmaker;
    switch (current.join(ticket.getMode(), seat.getPlayerId(), seat.getRating(), stored, now)) {
      case QUEUED -> cluster.tickets().save(stored).onComplete(saved -> {
        if (saved.succeeded()) {
          request.reply(null);
        } else {
          current.leave(seat.getPlayerId());
          request.fail(ErrorCode.UNAVAILABLE_VALUE, "the queue could not be saved; try again");
        }
      });
      case UNKNOWN_MODE -> request.fail(ErrorCode.UNKNOWN_MODE_VALUE,
          "no mode '" + ticket.getMode() + "'; modes: " + String.join(", ", current.modes()));
      case ALREADY_QUEUED -> request.fail(ErrorCode.ALREADY_QUEUED_VALUE, "already waiting in a queue");
      case QUEUE_FULL -> request.fail(ErrorCode.UNAVAILABLE_VALUE, "the queue is full; try again later");
    }
  }

  private void onCancel(Message<Object> request, CancelTicket cancel) {
    String player = cancel.getPlayerId();
    if (placing.contains(player)) {
      request.fail(ErrorCode.INVALID_STATE_VALUE, "a match has just been found; it is being opened");
      return;
    }
    // Not queued (any more) is what the player asked for: answer OK, so a player can always leave.
    matchmaker.leave(player);
    cluster.tickets().remove(List.of(player)).onComplete(done -> request.reply(null));
  }

  /** Runs a pass now, on this verticle's context, as the timer does; for tests that step the clock. */
  Future<Void> pass() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> runPass().onComplete(done));
    return done.future();
  }

  /** One matchmaking pass: forms matches, places them, and completes once every room is placed or requeued. */
  private Future<Void> runPass() {
    if (matchmaker == null || !pass.isComplete()) {
      return pass;
    }
    List<Matchmaker.FormedMatch> matches = matchmaker.process(maxMatchesPerPass);
    if (matches.isEmpty()) {
      return pass;
    }
    matches.forEach(match -> match.tickets().forEach(ticket -> placing.add(ticket.playerId())));
    pass = cluster.nodes().all().transform(lookup -> {
      if (lookup.failed()) {
        // Without the node list every gateway would look departed: keep everyone waiting instead.
        log.warn("matchmaking pass: node lookup failed ({}); {} matches requeued for the next pass",
            lookup.cause().getMessage(), matches.size());
        matches.forEach(match -> requeue(tickets(match)));
        return Future.<Void>succeededFuture();
      }
      List<Future<Void>> placed = new ArrayList<>();
      for (Matchmaker.FormedMatch match : matches) {
        placed.add(placeOrRequeue(match, lookup.result()));
      }
      return Future.join(placed).<Void>mapEmpty().recover(ignored -> Future.succeededFuture());
    }).onComplete(done -> placing.clear());
    return pass;
  }

  private Future<Void> placeOrRequeue(Matchmaker.FormedMatch match, List<NodeLoad> nodes) {
    List<StoredTicket> tickets = tickets(match);
    Set<String> liveGateways = nodes.stream().map(node -> Addresses.gateway(node.getNodeId())).collect(Collectors.toSet());
    List<StoredTicket> orphans = tickets.stream()
        .filter(t -> !liveGateways.contains(t.getRequest().getSeat().getGateway())).toList();
    if (!orphans.isEmpty()) {
      // Players whose gateway node is gone cannot be seated; the others wait for the next match.
      log.info("dropping {} tickets of players on departed nodes", orphans.size());
      cluster.tickets().remove(orphans.stream().map(t -> t.getRequest().getSeat().getPlayerId()).toList());
      requeue(tickets.stream().filter(t -> !orphans.contains(t)).toList());
      return Future.succeededFuture();
    }
    return opener.open(match.mode(), tickets, nodes).compose(created -> {
      tickets.forEach(ticket -> metrics.matchmakingWait(match.mode(), clock.millis() - ticket.getEnqueuedAtMs()));
      return cluster.tickets().remove(tickets.stream().map(t -> t.getRequest().getSeat().getPlayerId()).toList());
    }, cause -> {
      log.warn("no node could open a room for {} players of {}: {}; they wait for the next match",
          tickets.size(), match.mode(), cause.getMessage());
      requeue(tickets);
      return Future.succeededFuture();
    });
  }

  private static List<StoredTicket> tickets(Matchmaker.FormedMatch match) {
    return match.tickets().stream().map(t -> (StoredTicket) t.payload()).toList();
  }

  /** Back into the queue, waiting time kept. Once deactivated the tickets simply stay in the store. */
  private void requeue(List<StoredTicket> tickets) {
    if (matchmaker == null) {
      return;
    }
    tickets.forEach(ticket -> join(matchmaker, ticket));
  }

  private static void join(Matchmaker matchmaker, StoredTicket ticket) {
    Seat seat = ticket.getRequest().getSeat();
    matchmaker.join(ticket.getRequest().getMode(), seat.getPlayerId(), seat.getRating(), ticket,
        Instant.ofEpochMilli(ticket.getEnqueuedAtMs()));
  }

  /** Why a request to another node failed, by name, in the logs and in {@code playfield_remote_failures}. */
  static BusFailure recordFailure(PlayfieldMetrics metrics, String target, Throwable cause) {
    BusFailure failure = BusFailure.of(cause);
    metrics.remoteFailure(target, failure);
    return failure;
  }
}
