// The floor Playfield is measured against: a bare Vert.x WebSocket server with Playfield's message
// pattern and no game logic. Each client's inputs are only read for their sequence number; twenty
// times a second every group of eight gets a state frame of the size Playfield sends, carrying each
// recipient's last input sequence, so the same bots drive it and time their acknowledgements.
//
// It speaks just enough of the public protocol for game-client-sim: login -> loginOk, joinQueue ->
// queued + matchFound, input, ping -> pong, leaveQueue, leaveMatch, and matchEnd after the match time.
// A state is encoded once per group and tick; only the recipient's sequence is appended per client.
//
// Run it with the simulator's jar on the classpath (it holds Vert.x, Netty and the generated protocol):
//   java -cp game-client-sim/target/game-client-sim.jar bench/baseline/BaselineServer.java --port 8090
// Options: --host (127.0.0.1) --port (8090) --match-seconds (60) --fill-timeout-ms (5000)
//          --tick-rate (20) --transport (auto | io_uring | epoll | nio)

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaPlayer;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.arena.proto.Collectable;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.Pong;
import dev.playfield.protocol.v1.Queued;
import dev.playfield.protocol.v1.QueueLeft;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.Standing;
import dev.playfield.protocol.v1.State;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.transport.Transport;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

public class BaselineServer extends VerticleBase {

  static final int GROUP_SIZE = 8;
  static final TypeRegistry TYPES = TypeRegistry.newBuilder()
      .add(ArenaInput.getDescriptor()).add(ArenaState.getDescriptor()).build();
  static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES)
      .alwaysPrintFieldsWithNoPresence().omittingInsignificantWhitespace();
  static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(TYPES).ignoringUnknownFields();

  final String host;
  final int port;
  final int matchTicks;
  final long fillTimeoutMs;
  final int tickRate;
  final ArrayDeque<Client> waiting = new ArrayDeque<>();
  long nextPlayer;

  BaselineServer(String host, int port, int matchSeconds, long fillTimeoutMs, int tickRate) {
    this.host = host;
    this.port = port;
    this.matchTicks = matchSeconds * tickRate;
    this.fillTimeoutMs = fillTimeoutMs;
    this.tickRate = tickRate;
  }

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    Transport transport = switch (options.getOrDefault("transport", "auto")) {
      case "nio" -> Transport.NIO;
      case "epoll" -> Transport.EPOLL;
      case "io_uring" -> Transport.IO_URING;
      default -> Transport.IO_URING.available() ? Transport.IO_URING
          : Transport.EPOLL.available() ? Transport.EPOLL : Transport.NIO;
    };
    Vertx vertx = Vertx.builder().withTransport(transport).build();
    BaselineServer server = new BaselineServer(options.getOrDefault("host", "127.0.0.1"),
        Integer.parseInt(options.getOrDefault("port", "8090")),
        Integer.parseInt(options.getOrDefault("match-seconds", "60")),
        Long.parseLong(options.getOrDefault("fill-timeout-ms", "5000")),
        Integer.parseInt(options.getOrDefault("tick-rate", "20")));
    vertx.deployVerticle(server).onComplete(done -> {
      if (done.failed()) {
        done.cause().printStackTrace();
        System.exit(1);
      }
      System.out.println("baseline listening on " + server.host + ":" + server.port + " transport "
          + transport.name());
    });
  }

  @Override
  public Future<?> start() {
    vertx.setPeriodic(100, id -> formGroups());
    return vertx.createHttpServer(new HttpServerOptions()
            .setWebSocketSubProtocols(List.of("playfield.v1.binary", "playfield.v1.json")))
        .webSocketHandler(ws -> new Client(ws).start())
        .listen(port, host);
  }

  void formGroups() {
    long now = System.currentTimeMillis();
    while (waiting.size() >= GROUP_SIZE
        || (!waiting.isEmpty() && now - waiting.peekFirst().queuedAt >= fillTimeoutMs)) {
      List<Client> members = new ArrayList<>();
      while (members.size() < GROUP_SIZE && !waiting.isEmpty()) {
        members.add(waiting.pollFirst());
      }
      new Group(members).start();
    }
  }

  /** One match: the same state frame to every member, twenty times a second, at its own phase. */
  final class Group {
    final String roomId = UUID.randomUUID().toString();
    final List<Client> members;
    final ArenaState.Builder game = ArenaState.newBuilder();
    long tick;
    long timerId;

    Group(List<Client> members) {
      this.members = new ArrayList<>(members);
      // The shape of Playfield's arena state: eight players, six collectables, the field's constants.
      game.setWidth(800).setHeight(600).setPlayerRadius(16).setCollectableRadius(10).setScoreLimit(25);
      for (int slot = 0; slot < GROUP_SIZE; slot++) {
        game.addPlayers(ArenaPlayer.newBuilder().setSlot(slot).setX(100.5f + 70 * slot).setY(300.25f)
            .setScore(slot % 3).setPresent(slot < members.size()));
      }
      for (int c = 0; c < 6; c++) {
        game.addCollectables(Collectable.newBuilder().setId(c + 1).setX(50.5f + 110 * c).setY(120.75f + 40 * c));
      }
    }

    void start() {
      MatchFound.Builder found = MatchFound.newBuilder().setRoomId(roomId).setMode("arena").setTickRate(tickRate);
      for (int slot = 0; slot < members.size(); slot++) {
        Client c = members.get(slot);
        found.addPlayers(PlayerInfo.newBuilder().setPlayerId(c.playerId).setName(c.name).setRating(1000).setSlot(slot));
      }
      for (Client c : members) {
        c.group = this;
        c.lastSeq = 0;
        c.send(ServerMessage.newBuilder().setMatchFound(found.clone().setYourPlayerId(c.playerId)).build());
      }
      long period = 1000 / tickRate;
      long phase = ThreadLocalRandom.current().nextLong(period) + 1;
      vertx.setTimer(phase, first -> timerId = vertx.setPeriodic(period, id -> tick()));
    }

    void tick() {
      tick++;
      if (tick >= matchTicks) {
        end();
        return;
      }
      game.setTicksLeft((int) (matchTicks - tick));
      State state = State.newBuilder().setRoomId(roomId).setTick(tick).setPhase(RoomPhase.ROOM_PHASE_RUNNING)
          .setGame(Any.pack(game.build())).build();
      byte[] binary = null;
      String[] json = null;
      for (Client c : members) {
        if (c.ws.writeQueueFull()) {
          continue; // latest-wins, as Playfield does
        }
        if (c.binary) {
          if (binary == null) {
            binary = state.toByteArray();
          }
          c.ws.writeBinaryMessage(Buffer.buffer(withSeq(binary, c.lastSeq)));
        } else {
          if (json == null) {
            json = splitAtSeq(state);
          }
          c.ws.writeTextMessage(json[0] + c.lastSeq + json[1]);
        }
      }
    }

    void end() {
      vertx.cancelTimer(timerId);
      MatchEnd.Builder end = MatchEnd.newBuilder().setRoomId(roomId).setTick(tick);
      for (int i = 0; i < members.size(); i++) {
        Client c = members.get(i);
        end.addStandings(Standing.newBuilder().setPlayerId(c.playerId).setName(c.name).setRank(i + 1)
            .setRatingBefore(1000).setRatingAfter(1000));
      }
      ServerMessage message = ServerMessage.newBuilder().setMatchEnd(end).build();
      for (Client c : members) {
        c.group = null;
        c.send(message);
      }
      members.clear();
    }

    void leave(Client c) {
      members.remove(c);
      c.group = null;
      if (members.isEmpty()) {
        vertx.cancelTimer(timerId);
      }
    }
  }

  /** ServerMessage{state = State{... , last_input_seq = seq}}: the seq field appended to the encoded state. */
  static byte[] withSeq(byte[] state, int seq) {
    int seqSize = 1 + CodedOutputStream.computeUInt32SizeNoTag(seq);
    int body = state.length + seqSize;
    byte[] out = new byte[1 + CodedOutputStream.computeUInt32SizeNoTag(body) + body];
    try {
      CodedOutputStream w = CodedOutputStream.newInstance(out);
      w.writeTag(ServerMessage.STATE_FIELD_NUMBER, 2);
      w.writeUInt32NoTag(body);
      w.writeRawBytes(state);
      w.writeUInt32(State.LAST_INPUT_SEQ_FIELD_NUMBER, seq);
      w.checkNoSpaceLeft();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** The state printed once as JSON, split where the recipient's last input sequence goes. */
  static String[] splitAtSeq(State state) {
    try {
      String text = PRINTER.print(ServerMessage.newBuilder().setState(state).build());
      String marker = "\"lastInputSeq\":0";
      int at = text.indexOf(marker) + marker.length() - 1;
      return new String[] {text.substring(0, at), text.substring(at + 1)};
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  final class Client {
    final ServerWebSocket ws;
    final boolean binary;
    String playerId;
    String name;
    long queuedAt;
    int lastSeq;
    Group group;

    Client(ServerWebSocket ws) {
      this.ws = ws;
      String offered = ws.subProtocol();
      this.binary = "playfield.v1.binary".equals(offered)
          || (offered == null && "binary".equals(queryEncoding(ws.query())));
    }

    void start() {
      ws.binaryMessageHandler(b -> {
        try {
          handle(ClientMessage.parseFrom(b.getBytes()));
        } catch (InvalidProtocolBufferException e) {
          ws.close((short) 4000, "malformed");
        }
      });
      ws.textMessageHandler(t -> {
        try {
          ClientMessage.Builder m = ClientMessage.newBuilder();
          PARSER.merge(t, m);
          handle(m.build());
        } catch (InvalidProtocolBufferException e) {
          ws.close((short) 4000, "malformed");
        }
      });
      ws.closeHandler(v -> {
        waiting.remove(this);
        if (group != null) {
          group.leave(this);
        }
      });
    }

    void handle(ClientMessage m) {
      int id = m.getRequestId();
      switch (m.getBodyCase()) {
        case INPUT -> lastSeq = m.getInput().getSeq();
        case PING -> send(ServerMessage.newBuilder().setRequestId(id).setPong(Pong.newBuilder()
            .setClientTime(m.getPing().getClientTime()).setServerTimeMs(System.currentTimeMillis())).build());
        case LOGIN -> {
          playerId = "b-" + (++nextPlayer);
          name = m.getLogin().getName().isBlank() ? playerId : m.getLogin().getName();
          send(ServerMessage.newBuilder().setRequestId(id).setLoginOk(LoginOk.newBuilder()
              .setPlayerId(playerId).setName(name).setToken("baseline").setRating(1000)).build());
        }
        case JOIN_QUEUE -> {
          queuedAt = System.currentTimeMillis();
          waiting.addLast(this);
          send(ServerMessage.newBuilder().setRequestId(id).setQueued(Queued.newBuilder()
              .setMode(m.getJoinQueue().getMode()).setRating(1000)).build());
        }
        case LEAVE_QUEUE -> {
          waiting.remove(this);
          send(ServerMessage.newBuilder().setRequestId(id).setQueueLeft(QueueLeft.newBuilder().setMode("arena")).build());
        }
        case LEAVE_MATCH -> {
          if (group != null) {
            group.leave(this);
          }
        }
        default -> { }
      }
    }

    void send(ServerMessage message) {
      if (binary) {
        ws.writeBinaryMessage(Buffer.buffer(message.toByteArray()));
      } else {
        try {
          ws.writeTextMessage(PRINTER.print(message));
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }

  static String queryEncoding(String query) {
    if (query == null) {
      return "json";
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("encoding=")) {
        return pair.substring("encoding=".length());
      }
    }
    return "json";
  }
}
