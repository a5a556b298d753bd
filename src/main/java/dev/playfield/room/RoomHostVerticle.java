package dev.playfield.room;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.cluster.ClusterServices;
import dev.playfield.node.LocalLoad;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CloseRoom;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.ResumeRoom;
import dev.playfield.protocol.internal.RoomClosed;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.RoomReports;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.SeatDisconnected;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.State;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts rooms on this node: opens them on request (new, or resumed from the cluster's copy after
 * their node died), ticks each on its own fixed schedule, feeds them inputs from the event bus,
 * sends their states to the players' gateways and replicates them to the cluster every few ticks.
 * All rooms of one host share its event loop; a room's state is only touched there.
 */
public final class RoomHostVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(RoomHostVerticle.class);
  private static final long OWNER_GONE_WAIT_NANOS = 1_500_000_000L;
  private static final long OWNER_GONE_POLL_MS = 50;

  /** How rooms treat disconnections and replication. */
  public record Settings(long reconnectGraceMs, int replicateEveryTicks, int maxRooms) {}

  private final String nodeId;
  private final Map<String, ModeConfig> modes;
  private final Map<String, GameType> gameOfMode;
  private final MatchResults results;
  private final LocalLoad load;
  private final ClusterServices cluster;
  private final Settings settings;
  private final Map<String, HostedRoom> rooms = new HashMap<>();
  private EventBus bus;
  private PlayfieldMetrics metrics;
  private String localGateway;

  public RoomHostVerticle(String nodeId, Map<String, ModeConfig> modes, Map<String, GameType> gameOfMode,
      MatchResults results, LocalLoad load, ClusterServices cluster, Settings settings) {
    this.nodeId = nodeId;
    this.modes = modes;
    this.gameOfMode = gameOfMode;
    this.results = results;
    this.load = load;
    this.cluster = cluster;
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    metrics = PlayfieldMetrics.of(vertx);
    localGateway = Addresses.gateway(nodeId);
    vertx.setPeriodic(1_000, id -> noticeDepartedGateways());
    return bus.consumer(Addresses.roomHost(nodeId), this::onHostRequest).completion()
        .compose(v -> bus.consumer(Addresses.adminRooms(nodeId), this::onAdmin).completion());
  }

  private void onHostRequest(Message<Object> request) {
    if (request.body() instanceof CreateRoom create) {
      onCreateRoom(request, create);
    } else if (request.body() instanceof ResumeRoom resume) {
      onResumeRoom(request, resume);
    } else {
      request.fail(ErrorCode.UNKNOWN_MESSAGE_VALUE, "the room host takes CreateRoom and ResumeRoom");
    }
  }

  private boolean refuseWhenBusy(Message<Object> request) {
    if (load.draining() || rooms.size() >= settings.maxRooms()) {
      request.fail(ErrorCode.UNAVAILABLE_VALUE, load.draining() ? "node is draining" : "node is full");
      return true;
    }
    return false;
  }

  private void onCreateRoom(Message<Object> request, CreateRoom create) {
    ModeConfig mode = modes.get(create.getMode());
    GameType type = gameOfMode.get(create.getMode());
    if (mode == null || type == null || create.getSeatsCount() == 0) {
      request.fail(ErrorCode.UNKNOWN_MODE_VALUE, "cannot host mode " + create.getMode());
      return;
    }
    if (refuseWhenBusy(request)) {
      return;
    }
    String roomId = UUID.randomUUID().toString();
    Room room = new Room(roomId, mode, type, type.create(setup(mode, create.getSeed(), create.getSeatsList())),
        create.getSeatsList(), graceTicks(mode));
    HostedRoom hosted = host(room, mode, create.getSeed(), null);
    new RoomAnnouncer(this::toGateway).assigned(room.id(), mode, create.getSeatsList(), room.gateways());
    log.info("room {} created: mode={} players={}", roomId, mode.name(), create.getSeatsCount());
    replicate(hosted);
    request.reply(RoomCreated.newBuilder().setRoomId(roomId).setRoomsOpened(load.roomsOpened()).build());
  }

  /** Takes over a room whose node is gone, from its replicated record. */
  private void onResumeRoom(Message<Object> request, ResumeRoom resume) {
    if (refuseWhenBusy(request) || rooms.containsKey(resume.getRoomId())) {
      return;
    }
    String[] previousOwner = {""}; // the claimed record names this node
    cluster.rooms().load(resume.getRoomId()).compose(bytes -> {
      if (bytes == null) {
        return Future.failedFuture("no record of room " + resume.getRoomId());
      }
      RoomRecord record = parse(bytes);
      previousOwner[0] = record.getOwner();
      byte[] claimed = record.toBuilder().setOwner(nodeId).build().toByteArray();
      return ownerGone(record.getOwner(), System.nanoTime() + OWNER_GONE_WAIT_NANOS)
          .compose(v -> cluster.rooms().replace(record.getRoomId(), bytes, claimed))
          .compose(won -> won ? Future.succeededFuture(claimed) : Future.failedFuture("another node took it over"));
    }).onComplete(claim -> {
      if (claim.failed()) {
        request.fail(ErrorCode.UNAVAILABLE_VALUE, claim.cause().getMessage());
        return;
      }
      RoomRecord record = parse(claim.result());
      ModeConfig mode = modes.get(record.getMode());
      GameType type = gameOfMode.get(record.getMode());
      Room room = Room.restore(record, mode, type, (seed, seats) -> setup(mode, seed, seats), graceTicks(mode));
      HostedRoom hosted = host(room, mode, record.getSeed(), claim.result());
      hosted.room.disconnectGatewaysOtherThan(liveGateways());
      metrics.roomFailedOver();
      log.info("room {} resumed at tick {} from a copy {} ms old (previous owner {})", room.id(), record.getTick(),
          System.currentTimeMillis() - record.getSavedAtMs(), previousOwner[0]);
      request.reply(RoomCreated.newBuilder().setRoomId(room.id()).setRoomsOpened(load.roomsOpened()).build());
    });
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
    if (System.nanoTime() >= deadlineNanos) {
      return Future.failedFuture("the room's owner " + owner + " is still a member");
    }
    Promise<Void> gone = Promise.promise();
    vertx.setTimer(OWNER_GONE_POLL_MS, id -> ownerGone(owner, deadlineNanos).onComplete(gone));
    return gone.future();
  }

  private HostedRoom host(Room room, ModeConfig mode, long seed, byte[] replicated) {
    long period = Math.round(1_000_000_000.0 / mode.tickRate());
    // Staggered phases: rooms that tick at the same instant bunch their writes together.
    long phase = ThreadLocalRandom.current().nextLong(period);
    HostedRoom hosted = new HostedRoom(room, seed, new TickSchedule(System.nanoTime() + phase, period));
    hosted.replicated = replicated;
    hosted.inbox = bus.consumer(Addresses.room(room.id()), message -> onRoomMessage(hosted, message));
    rooms.put(room.id(), hosted);
    load.roomOpened();
    metrics.roomState(null, PlayfieldMetrics.state(room.phase()));
    hosted.timerId = vertx.setTimer(Math.max(1, phase / 1_000_000), id -> runTick(hosted));
    return hosted;
  }

  private void onRoomMessage(HostedRoom hosted, Message<Object> message) {
    Room room = hosted.room;
    Object body = message.body();
    if (body instanceof RoomInput input) {
      room.offer(input.getPlayerId(), input.getSeq(), input.getGame());
    } else if (body instanceof SeatDisconnected gone) {
      room.disconnect(gone.getPlayerId());
    } else if (body instanceof SeatResume back) {
      onSeatResume(hosted, message, back);
    } else if (body instanceof SeatLeft left && room.leave(left.getPlayerId())) {
      log.info("room {} emptied at tick {}", room.id(), room.tick());
      dispose(hosted, true);
    }
  }

  private void onSeatResume(HostedRoom hosted, Message<Object> message, SeatResume back) {
    Room room = hosted.room;
    if (!room.resume(back.getPlayerId(), back.getGateway())) {
      message.fail(ErrorCode.RESUME_EXPIRED_VALUE, "the seat is gone: the grace window passed or the match ended");
      return;
    }
    RoomTick frame = room.frameFor(back.getPlayerId());
    State state = State.newBuilder().setRoomId(room.id()).setTick(frame.getTick()).setPhase(frame.getPhase())
        .setLastInputSeq(frame.getRecipients(0).getLastInputSeq()).setGame(frame.getRecipients(0).getGame()).build();
    message.reply(SeatResumed.newBuilder()
        .setAssigned(RoomAnnouncer.assignment(hosted.mode(), room.seats(), List.of(back.getPlayerId())))
        .setState(state).build());
  }

  private void runTick(HostedRoom hosted) {
    Room room = hosted.room;
    if (room.phase() == Room.Phase.DISPOSED) {
      return;
    }
    long started = System.nanoTime();
    metrics.tickLateness(room.mode().name(), hosted.schedule.started(started));
    Room.Phase before = room.phase();
    Map<String, RoomTick> frames = room.tickOnce();
    frames.forEach((gateway, tick) ->
        toGateway(gateway, GatewayFrame.newBuilder().setRoomId(room.id()).setTick(tick).build()));
    long ended = System.nanoTime();
    hosted.stats.record(ended - started);
    load.ticked(ended - started);
    metrics.tick(room.mode().name(), ended - started);
    metrics.roomState(PlayfieldMetrics.state(before), PlayfieldMetrics.state(room.phase()));
    if (room.phase() == Room.Phase.FINISHED) {
      finish(hosted);
      return;
    }
    if (room.empty()) {
      log.info("room {}: every player left or timed out at tick {}", room.id(), room.tick());
      dispose(hosted, true);
      return;
    }
    if (room.tick() % settings.replicateEveryTicks() == 0) {
      replicate(hosted);
    }
    long overrunsBefore = hosted.schedule.overruns();
    hosted.timerId = vertx.setTimer(hosted.schedule.advance(ended), id -> runTick(hosted));
    metrics.tickOverruns(hosted.schedule.overruns() - overrunsBefore);
  }

  /**
   * Writes the room's record if this node still owns it. A failed compare-and-set means another
   * node took the room over (this one was thought dead): stop running it here.
   */
  private void replicate(HostedRoom hosted) {
    if (hosted.saving != null) {
      return; // one write in flight per room; the next tick that is due writes a newer record
    }
    byte[] next = hosted.room.record(nodeId, hosted.seed).toBuilder()
        .setSavedAtMs(System.currentTimeMillis()).build().toByteArray();
    Future<Boolean> saving = cluster.rooms().replace(hosted.room.id(), hosted.replicated, next);
    // Set before the handler is attached: a store that answers at once runs the handler right here.
    hosted.saving = saving;
    saving.onComplete(done -> {
      hosted.saving = null;
      if (done.succeeded() && done.result()) {
        hosted.replicated = next;
      } else if (done.succeeded() && hosted.room.phase() != Room.Phase.DISPOSED) {
        log.warn("room {} was taken over by another node; stopping it here", hosted.room.id());
        dispose(hosted, false);
      }
    });
  }

  private void finish(HostedRoom hosted) {
    Room room = hosted.room;
    List<String> gateways = room.gateways();
    results.record(room).onComplete(done -> {
      if (done.succeeded()) {
        GatewayFrame frame = GatewayFrame.newBuilder().setRoomId(room.id()).setMatchEnd(done.result()).build();
        gateways.forEach(gateway -> toGateway(gateway, frame));
      } else {
        log.error("room {}: recording the result failed", room.id(), done.cause());
      }
      log.info("room {} finished at tick {}: tick mean={}ms max={}ms overruns={} late max={}ms", room.id(),
          room.tick(), String.format("%.3f", hosted.stats.meanMillis()), String.format("%.3f", hosted.stats.maxMillis()),
          hosted.schedule.overruns(), String.format("%.1f", hosted.schedule.maxLatenessNanos() / 1e6));
      dispose(hosted, true);
    });
  }

  /** Stops the room here; {@code forget} also removes its replicated record (it will not resume). */
  private void dispose(HostedRoom hosted, boolean forget) {
    String state = PlayfieldMetrics.state(hosted.room.phase());
    hosted.room.dispose();
    vertx.cancelTimer(hosted.timerId);
    hosted.inbox.unregister();
    if (rooms.remove(hosted.room.id()) != null) {
      load.roomClosed();
      metrics.roomState(state, null);
    }
    if (forget) {
      // After any write in flight, or it could bring the record back.
      Future<?> pending = hosted.saving == null ? Future.succeededFuture() : hosted.saving;
      pending.eventually(() -> hosted.replicated == null ? Future.succeededFuture()
          : cluster.rooms().remove(hosted.room.id(), hosted.replicated));
    }
  }

  private void toGateway(String gateway, GatewayFrame frame) {
    bus.send(gateway, frame);
    if (!gateway.equals(localGateway)) {
      metrics.roomToGatewayHop();
    }
  }

  /** The admin API: RoomsQuery lists this host's rooms, CloseRoom ends one now. */
  private void onAdmin(Message<Object> request) {
    if (request.body() instanceof CloseRoom close) {
      HostedRoom hosted = rooms.get(close.getRoomId());
      if (hosted != null) {
        log.atInfo().addKeyValue("room", hosted.room.id()).addKeyValue("tick", hosted.room.tick())
            .log("room closed by an operator");
        GatewayFrame end = GatewayFrame.newBuilder().setRoomId(hosted.room.id())
            .setMatchEnd(RoomReporter.closedByOperator(hosted.room)).build();
        hosted.room.gateways().forEach(gateway -> toGateway(gateway, end));
        dispose(hosted, true);
      }
      request.reply(RoomClosed.newBuilder().setClosed(hosted != null).build());
      return;
    }
    RoomReports.Builder reports = RoomReports.newBuilder().setNodeId(nodeId);
    rooms.values().forEach(h -> reports.addRooms(RoomReporter.report(h.room, h.stats, h.schedule.overruns())));
    request.reply(reports.build());
  }

  /** Seats whose gateway's node has left the cluster count as disconnected (their grace starts). */
  private void noticeDepartedGateways() {
    Set<String> live = liveGateways();
    rooms.values().forEach(hosted -> hosted.room.disconnectGatewaysOtherThan(live));
  }

  private Set<String> liveGateways() {
    return cluster.leadership().liveNodes().stream().map(Addresses::gateway).collect(Collectors.toSet());
  }

  private long graceTicks(ModeConfig mode) {
    return Math.round(settings.reconnectGraceMs() / mode.tickPeriodMs());
  }

  private static GameSetup setup(ModeConfig mode, long seed, List<Seat> seats) {
    return new GameSetup(seed, mode.tickRate(), seats.stream().map(Seat::getName).toList(), mode.settings());
  }

  private static RoomRecord parse(byte[] bytes) {
    try {
      return RoomRecord.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt room record", e);
    }
  }
}
