package dev.playfield.room;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.GameType;
import dev.playfield.node.LocalLoad;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.ResumeRoom;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts rooms on this node: a thin adapter that wires the event bus and Vert.x timers to the plain
 * parts: {@link HostedRooms} (the rooms here), {@link RoomTicker}, {@link Replication},
 * {@link RoomTakeover}, {@link MatchFinisher}, {@link RoomHandover}, {@link RoomInbox} and
 * {@link RoomAdmin}. All rooms of one host share its event loop; a room's state is only touched there.
 */
public final class RoomHostVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(RoomHostVerticle.class);

  /** How rooms treat disconnections and replication. */
  public record Settings(long reconnectGraceMs, int replicateEveryTicks, int maxRooms) {}

  private final String nodeId;
  private final Map<String, ModeConfig> modes;
  private final Map<String, GameType> gameOfMode;
  private final MatchResults results;
  private final LocalLoad load;
  private final ClusterServices cluster;
  private final Settings settings;
  private final PlayfieldMetrics metrics;
  private final HostClock clock;
  private HostedRooms rooms;
  private RoomFactory factory;
  private MatchFinisher finisher;
  private RoomTakeover takeover;
  private RoomHandover handover;
  private RoomAnnouncer announcer;
  private Replication replication;
  private final Dispatch<Void> hostRequests = new Dispatch<Void>("CreateRoom and ResumeRoom")
      .on(CreateRoom.class, (none, request, create) -> onCreateRoom(request, create))
      .on(ResumeRoom.class, (none, request, resume) -> onResumeRoom(request, resume));

  public RoomHostVerticle(String nodeId, Map<String, ModeConfig> modes, Map<String, GameType> gameOfMode,
      MatchResults results, LocalLoad load, ClusterServices cluster, Settings settings, PlayfieldMetrics metrics,
      HostClock clock) {
    this.nodeId = nodeId;
    this.modes = modes;
    this.gameOfMode = gameOfMode;
    this.results = results;
    this.load = load;
    this.cluster = cluster;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    HostTimers timers = new HostTimers() {
      @Override
      public long after(long delayMillis, Runnable task) {
        return vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
      }

      @Override
      public void cancel(long timerId) {
        vertx.cancelTimer(timerId);
      }
    };
    GatewayLink gateways = new GatewayLink(bus, Addresses.gateway(nodeId), metrics);
    RoomTicker ticker = new RoomTicker(timers, clock, metrics, load, gateways::send);
    rooms = new HostedRooms(bus, ticker, load, metrics);
    replication = new Replication(cluster.rooms(), nodeId, clock, hosted -> rooms.close(hosted, false));
    finisher = new MatchFinisher(results, cluster.finished(), settings.reconnectGraceMs(), ticker, rooms,
        gateways::send, metrics);
    rooms.wire(new RoomInbox(finisher)::handle, replication);
    factory = new RoomFactory(modes, gameOfMode, settings.reconnectGraceMs(),
        reason -> metrics.inputDropped(reason.label()));
    takeover = new RoomTakeover(nodeId, cluster, factory, rooms, this::refusal, clock, timers, metrics,
        this::liveGateways);
    handover = new RoomHandover(nodeId, cluster, bus, rooms, replication, ticker, metrics);
    announcer = new RoomAnnouncer(gateways::send);
    ticker.afterEachTick(this::afterTick);
    RoomAdmin admin = new RoomAdmin(nodeId, rooms, finisher);
    vertx.setPeriodic(1_000, id -> noticeDepartedGateways());
    return bus.consumer(Addresses.roomHost(nodeId), (Message<Object> m) -> hostRequests.handle(null, m)).completion()
        .compose(v -> bus.consumer(Addresses.adminRooms(nodeId), admin::handle).completion());
  }

  /**
   * Hands every room to another node (for a drain); completes when each has gone or is known to
   * stay here, and never fails. Call on any thread once the node is draining.
   */
  public Future<Void> handOverAll() {
    if (context == null || handover == null) {
      return Future.succeededFuture(); // not started: nothing is hosted
    }
    Promise<Void> done = Promise.promise();
    context.runOnContext(v -> handover.handOverAll().onComplete(done));
    return done.future();
  }

  private void onCreateRoom(Message<Object> request, CreateRoom create) {
    if (!factory.hosts(create.getMode()) || create.getSeatsCount() == 0) {
      request.fail(ErrorCode.UNKNOWN_MODE_VALUE, "cannot host mode " + create.getMode());
      return;
    }
    HostRefusal busy = refusal();
    if (busy != null) {
      request.fail(busy.code.getNumber(), busy.getMessage());
      return;
    }
    Room room = factory.create(UUID.randomUUID().toString(), create);
    HostedRoom hosted = rooms.open(room, create.getSeed(), null);
    announcer.assigned(room.id(), room.mode(), create.getSeatsList(), room.gateways());
    results.started(room);
    log.info("room {} created: mode={} players={}", room.id(), room.mode().name(), create.getSeatsCount());
    replication.write(hosted);
    request.reply(created(room.id()));
  }

  /** Takes over a room from its replicated record; every outcome is answered, "already here" included. */
  private void onResumeRoom(Message<Object> request, ResumeRoom resume) {
    takeover.takeOver(resume.getRoomId()).onComplete(done -> {
      if (done.succeeded()) {
        request.reply(created(resume.getRoomId()));
      } else {
        request.fail(HostRefusal.codeOf(done.cause()), done.cause().getMessage());
      }
    });
  }

  /** Null when this node takes rooms now; else why not. */
  private HostRefusal refusal() {
    if (load.draining()) {
      return new HostRefusal(ErrorCode.UNAVAILABLE, "node is draining");
    }
    if (rooms.size() >= settings.maxRooms()) {
      return new HostRefusal(ErrorCode.UNAVAILABLE, "node is full");
    }
    return null;
  }

  /** After each tick: end what is over, replicate what is due. False when the room stops ticking. */
  private boolean afterTick(HostedRoom hosted) {
    Room room = hosted.room;
    if (room.failure() != null) {
      log.error("room {}: the game {} failed; the match ends with ratings unchanged", room.id(),
          room.mode().game(), room.failure());
      finisher.finish(hosted, MatchFinisher.Outcome.CUT_SHORT, "the game failed: " + room.failure());
      return false;
    }
    if (room.phase() == Room.Phase.FINISHED) {
      finisher.finish(hosted, MatchFinisher.Outcome.PLAYED, "the game ended");
      return false;
    }
    if (room.empty()) {
      finisher.finish(hosted, MatchFinisher.Outcome.PLAYED, "every player left or timed out");
      return false;
    }
    if (hosted.stayedOnDrain && load.draining() && room.unattended()) {
      // Nobody is connected and this node is on its way out: waiting out the grace window would
      // only hold the drain up.
      finisher.finish(hosted, MatchFinisher.Outcome.CUT_SHORT, "no player connected on a draining node");
      return false;
    }
    if (room.tick() % settings.replicateEveryTicks() == 0) {
      replication.write(hosted);
    }
    return true;
  }

  private RoomCreated created(String roomId) {
    return RoomCreated.newBuilder().setRoomId(roomId).setRoomsOpened(load.roomsOpened()).build();
  }

  /** Seats whose gateway's node has left the cluster count as disconnected (their grace starts). */
  private void noticeDepartedGateways() {
    Set<String> live = liveGateways();
    rooms.all().forEach(hosted -> hosted.room.disconnectGatewaysOtherThan(live));
  }

  private Set<String> liveGateways() {
    return cluster.leadership().liveNodes().stream().map(Addresses::gateway).collect(Collectors.toSet());
  }
}
