package dev.playfield.gateway;

import dev.playfield.protocol.BinaryWire;
import dev.playfield.protocol.WireFormat;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.KickSession;
import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.Standing;
import dev.playfield.protocol.v1.State;
import dev.playfield.cluster.ClusterServices;
import dev.playfield.node.LocalLoad;
import dev.playfield.protocol.Addresses;
import dev.playfield.config.PlayfieldConfig;
import dev.playfield.game.GameType;
import dev.playfield.protocol.JsonWire;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's front door: the HTTP server with the browser client at {@code /} and game sessions at
 * {@code /ws}, and the inbox through which rooms and the matchmaker reach this node's sessions.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
  private static final BinaryWire BINARY = new BinaryWire();

  private final GatewayServices services;
  private final String host;
  private final int port;
  private Consumer<Router> httpRoutes = router -> { };
  private HttpServer server;

  GatewayVerticle(GatewayServices services, String host, int port) {
    this.services = services;
    this.host = host;
    this.port = port;
  }

  /** A gateway for this node; {@code address} is where rooms and the matchmaker reach it. */
  public static GatewayVerticle create(Vertx vertx, PlayfieldConfig config, ClusterServices cluster,
      LocalLoad load, Map<String, GameType> gameOfMode, JsonWire json, TokenService tokens) {
    GatewayServices services = new GatewayServices(vertx, vertx.eventBus(), Addresses.gateway(cluster.nodeId()), tokens,
        cluster.ratings(), cluster.sessions(), cluster.resumes(), load, new SessionRegistry(), config.gateway(),
        gameOfMode, json, System::nanoTime, config.node().reconnectGraceSeconds() * 1000L,
        config.auth().tokenTtlSeconds() * 1000L);
    return new GatewayVerticle(services, config.httpHost(), config.httpPort());
  }

  /** Routes served beside {@code /ws} (the ops package's: pages, health, metrics, admin API). */
  public GatewayVerticle withHttpRoutes(Consumer<Router> routes) {
    this.httpRoutes = routes;
    return this;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route("/ws").handler(this::upgrade);
    httpRoutes.accept(router);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(host)
        .setPort(port)
        .setWebSocketSubProtocols(List.of(WireFormat.BINARY_SUBPROTOCOL, WireFormat.JSON_SUBPROTOCOL))
        // Frames beyond our own limit still reach us (and get a FRAME_TOO_LARGE error) up to this
        // size; past it Netty closes the connection with 1009 before we see a byte.
        .setMaxWebSocketFrameSize(Math.max(65_536, services.limits().maxFrameBytes() * 4))
        .setMaxWebSocketMessageSize(Math.max(65_536, services.limits().maxFrameBytes() * 4));
    if (services.limits().sendBufferBytes() > 0) {
      options.setSendBufferSize(services.limits().sendBufferBytes());
    }
    server = vertx.createHttpServer(options).requestHandler(router);
    SessionInspector inspector = new SessionInspector(services.registry(), services.address());
    return vertx.eventBus().<GatewayFrame>consumer(services.address(), this::onFrame).completion()
        .compose(v -> vertx.eventBus().consumer(
            Addresses.adminSessions(Addresses.nodeOfGateway(services.address())), inspector::onQuery).completion())
        .compose(v -> server.listen())
        .onSuccess(s -> log.info("gateway listening on {}:{}", host, s.actualPort()));
  }

  /** The port the server listens on (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Closes the connections of players not in a match, telling them the node is going away;
   * players in a match are closed when it ends (or by {@link #closeAll()}).
   */
  public void closeIdle() {
    for (Session session : services.registry().connections()) {
      session.execute(() -> {
        if (!session.player().inMatch()) {
          session.close(Session.CLOSE_GOING_AWAY, PlayerSession.DRAINING);
        }
      });
    }
  }

  /** Closes every connection, telling the clients the node is going away. */
  public void closeAll() {
    for (Session session : services.registry().connections()) {
      session.execute(() -> session.close(Session.CLOSE_GOING_AWAY, PlayerSession.DRAINING));
    }
  }

  private void upgrade(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (services.load().draining()) {
      // Load balancers and clients retry elsewhere on 503.
      ctx.response().setStatusCode(503).end("this node is draining; connect to another\n");
      return;
    }
    WireFormat wire = chooseWire(request);
    if (wire == null) {
      ctx.response().setStatusCode(400).end("unknown encoding; use subprotocol "
          + WireFormat.JSON_SUBPROTOCOL + " or " + WireFormat.BINARY_SUBPROTOCOL + ", or ?encoding=json|binary\n");
      return;
    }
    HttpConnection connection = request.connection();
    request.toWebSocket()
        .onSuccess(socket -> new Session(socket, connection, wire, services).start())
        .onFailure(cause -> log.debug("WebSocket upgrade failed: {}", cause.getMessage()));
  }

  /** Subprotocol first, then the {@code encoding} query parameter; JSON when neither is given. */
  private WireFormat chooseWire(HttpServerRequest request) {
    String offered = request.getHeader("Sec-WebSocket-Protocol");
    if (offered != null) {
      for (String protocol : offered.split(",")) {
        switch (protocol.trim()) {
          case WireFormat.BINARY_SUBPROTOCOL -> {
            return BINARY;
          }
          case WireFormat.JSON_SUBPROTOCOL -> {
            return services.json();
          }
          default -> { }
        }
      }
    }
    String encoding = request.getParam("encoding", "json");
    return switch (encoding) {
      case "json" -> services.json();
      case "binary" -> BINARY;
      default -> null;
    };
  }

  private void onFrame(Message<GatewayFrame> message) {
    GatewayFrame frame = message.body();
    switch (frame.getBodyCase()) {
      case TICK -> forwardTick(frame.getRoomId(), frame.getTick());
      case ASSIGNED -> seat(frame.getRoomId(), frame.getAssigned());
      case MATCH_END -> forwardMatchEnd(frame.getMatchEnd());
      case KICK -> kick(frame.getKick());
      case BODY_NOT_SET -> log.warn("empty gateway frame for room {}", frame.getRoomId());
    }
  }

  private void forwardTick(String roomId, RoomTick tick) {
    for (Recipient recipient : tick.getRecipientsList()) {
      Session session = services.registry().find(recipient.getPlayerId());
      if (session == null) {
        continue;
      }
      State state = State.newBuilder()
          .setRoomId(roomId)
          .setTick(tick.getTick())
          .setLastInputSeq(recipient.getLastInputSeq())
          .setPhase(tick.getPhase())
          .setGame(recipient.hasGame() ? recipient.getGame() : tick.getSharedGame())
          .build();
      session.execute(() -> {
        if (session.player().inRoom(roomId)) {
          session.player().deliverState(state);
        }
      });
    }
  }

  private void seat(String roomId, RoomAssigned assigned) {
    for (String playerId : assigned.getPlayerIdsList()) {
      Session session = services.registry().find(playerId);
      if (session == null) {
        giveUpSeat(roomId, playerId);
        continue;
      }
      session.execute(() -> {
        if (!session.player().enterMatch(roomId, assigned)) {
          giveUpSeat(roomId, playerId);
        }
      });
    }
  }

  // The player left between being matched and being seated; the room must not wait for them.
  private void giveUpSeat(String roomId, String playerId) {
    vertx.eventBus().send(Addresses.room(roomId),
        SeatLeft.newBuilder().setPlayerId(playerId).build());
  }

  private void kick(KickSession kick) {
    Session session = services.registry().find(kick.getPlayerId());
    if (session != null && !kick.getNewGateway().equals(services.address())) {
      session.execute(session::replaced);
    }
  }

  private void forwardMatchEnd(MatchEnd end) {
    for (Standing standing : end.getStandingsList()) {
      Session session = services.registry().find(standing.getPlayerId());
      if (session != null) {
        session.execute(() -> {
          if (session.player().inRoom(end.getRoomId())) {
            session.player().deliverMatchEnd(end);
          }
        });
      }
    }
  }
}
