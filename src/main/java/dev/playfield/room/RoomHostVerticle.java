package dev.playfield.room;

import dev.playfield.cluster.LocalLoad;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CloseRoom;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.RoomClosed;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.RoomReports;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.PlayerInfo;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts rooms on this node: creates them on request, ticks each on its own fixed schedule, feeds
 * them inputs from the event bus and sends their states to the players' gateways. All rooms of
 * one host share its event loop; a room's state is only touched there.
 */
public final class RoomHostVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(RoomHostVerticle.class);

  private final String nodeId;
  private final Map<String, ModeConfig> modes;
  private final Map<String, GameType> gameOfMode;
  private final MatchResults results;
  private final LocalLoad load;
  private final int maxRooms;
  private final Map<String, HostedRoom> rooms = new HashMap<>();
  private EventBus bus;
  private PlayfieldMetrics metrics;
  private String localGateway;

  /** A room with what the host keeps beside it. */
  private static final class HostedRoom {
    final Room room;
    final TickSchedule schedule;
    final TickStats stats = new TickStats();
    MessageConsumer<Object> inbox;
    long timerId;

    HostedRoom(Room room, TickSchedule schedule) {
      this.room = room;
      this.schedule = schedule;
    }
  }

  public RoomHostVerticle(String nodeId, Map<String, ModeConfig> modes, Map<String, GameType> gameOfMode,
      MatchResults results, LocalLoad load, int maxRooms) {
    this.nodeId = nodeId;
    this.modes = modes;
    this.gameOfMode = gameOfMode;
    this.results = results;
    this.load = load;
    this.maxRooms = maxRooms;
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    metrics = PlayfieldMetrics.of(vertx);
    localGateway = Addresses.gateway(nodeId);
    return bus.<CreateRoom>consumer(Addresses.roomHost(nodeId), this::onCreateRoom).completion()
        .compose(v -> bus.consumer(Addresses.adminRooms(nodeId), this::onAdmin).completion());
  }

  /** The rooms this host runs now. */
  public int roomCount() {
    return rooms.size();
  }

  private void onCreateRoom(Message<CreateRoom> request) {
    CreateRoom create = request.body();
    ModeConfig mode = modes.get(create.getMode());
    GameType type = gameOfMode.get(create.getMode());
    if (mode == null || type == null || create.getSeatsCount() == 0) {
      request.fail(ErrorCode.UNKNOWN_MODE_VALUE, "cannot host mode " + create.getMode());
      return;
    }
    if (load.draining() || rooms.size() >= maxRooms) {
      request.fail(ErrorCode.UNAVAILABLE_VALUE, load.draining() ? "node is draining" : "node is full");
      return;
    }
    String roomId = UUID.randomUUID().toString();
    List<String> names = create.getSeatsList().stream().map(dev.playfield.protocol.internal.Seat::getName).toList();
    GameSetup setup = new GameSetup(create.getSeed(), mode.tickRate(), names, mode.settings());
    Room room = new Room(roomId, mode, type, type.create(setup), create.getSeatsList());
    long period = Math.round(1_000_000_000.0 / mode.tickRate());
    // Staggered phases: rooms that tick at the same instant bunch their writes together.
    long phase = ThreadLocalRandom.current().nextLong(period);
    HostedRoom hosted = new HostedRoom(room, new TickSchedule(System.nanoTime() + phase, period));
    hosted.inbox = bus.consumer(Addresses.room(roomId), message -> onRoomMessage(hosted, message));
    rooms.put(roomId, hosted);
    load.roomOpened();
    metrics.roomState(null, PlayfieldMetrics.WAITING);
    announce(room, create, mode);
    hosted.timerId = vertx.setTimer(Math.max(1, phase / 1_000_000), id -> runTick(hosted));
    log.info("room {} created: mode={} players={}", roomId, mode.name(), create.getSeatsCount());
    request.reply(RoomCreated.newBuilder().setRoomId(roomId).setRoomsOpened(load.roomsOpened()).build());
  }

  /** Tells each gateway which of its players now sit in this room. */
  private void announce(Room room, CreateRoom create, ModeConfig mode) {
    RoomAssigned.Builder common = RoomAssigned.newBuilder().setMode(mode.name()).setTickRate(mode.tickRate());
    for (int slot = 0; slot < create.getSeatsCount(); slot++) {
      var seat = create.getSeats(slot);
      common.addPlayers(PlayerInfo.newBuilder()
          .setPlayerId(seat.getPlayerId()).setName(seat.getName()).setRating(seat.getRating()).setSlot(slot));
    }
    for (String gateway : room.gateways()) {
      RoomAssigned.Builder assigned = common.clone();
      create.getSeatsList().stream()
          .filter(seat -> seat.getGateway().equals(gateway))
          .forEach(seat -> assigned.addPlayerIds(seat.getPlayerId()));
      toGateway(gateway, GatewayFrame.newBuilder().setRoomId(room.id()).setAssigned(assigned).build());
    }
  }

  private void onRoomMessage(HostedRoom hosted, Message<Object> message) {
    Object body = message.body();
    if (body instanceof RoomInput input) {
      hosted.room.offer(input.getPlayerId(), input.getSeq(), input.getGame());
    } else if (body instanceof SeatLeft left) {
      if (hosted.room.leave(left.getPlayerId())) {
        log.info("room {} emptied at tick {}", hosted.room.id(), hosted.room.tick());
        dispose(hosted);
      }
    }
  }

  private void runTick(HostedRoom hosted) {
    Room room = hosted.room;
    if (room.phase() == Room.Phase.DISPOSED) {
      return;
    }
    long started = System.nanoTime();
    Room.Phase before = room.phase();
    Map<String, dev.playfield.protocol.internal.RoomTick> frames = room.tickOnce();
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
    long overrunsBefore = hosted.schedule.overruns();
    hosted.timerId = vertx.setTimer(hosted.schedule.advance(ended), id -> runTick(hosted));
    metrics.tickOverruns(hosted.schedule.overruns() - overrunsBefore);
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
      log.info("room {} finished at tick {}: tick mean={}ms max={}ms overruns={}", room.id(), room.tick(),
          String.format("%.3f", hosted.stats.meanMillis()), String.format("%.3f", hosted.stats.maxMillis()),
          hosted.schedule.overruns());
      dispose(hosted);
    });
  }

  private void dispose(HostedRoom hosted) {
    String state = PlayfieldMetrics.state(hosted.room.phase());
    hosted.room.dispose();
    vertx.cancelTimer(hosted.timerId);
    hosted.inbox.unregister();
    if (rooms.remove(hosted.room.id()) != null) {
      load.roomClosed();
      metrics.roomState(state, null);
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
        dispose(hosted);
      }
      request.reply(RoomClosed.newBuilder().setClosed(hosted != null).build());
      return;
    }
    RoomReports.Builder reports = RoomReports.newBuilder().setNodeId(nodeId);
    rooms.values().forEach(h -> reports.addRooms(RoomReporter.report(h.room, h.stats, h.schedule.overruns())));
    request.reply(reports.build());
  }
}
