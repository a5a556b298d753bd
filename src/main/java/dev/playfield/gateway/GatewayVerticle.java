package dev.playfield.gateway;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.config.AccountsConfig;
import dev.playfield.config.PlayfieldConfig;
import dev.playfield.game.GameType;
import dev.playfield.node.LocalLoad;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.BinaryWire;
import dev.playfield.protocol.JsonWire;
import dev.playfield.protocol.WireFormat;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's front door: the HTTP server with the browser client at {@code /} and game sessions at
 * {@code /ws}, the connection limits, and the inbox through which rooms and the matchmaker reach
 * this node's sessions. Wires the gateway's parts; the work is theirs.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
  private static final BinaryWire BINARY = new BinaryWire();

  /** Where the server listens, and what every connection is held to. */
  record Endpoint(String host, int port, WebSocketConnection.Limits limits) {}

  private final Endpoint endpoint;
  private final String address;
  private final SessionRegistry registry;
  private final Function<Connection, PlayerSession> sessions;
  private final LocalLoad load;
  private Consumer<Router> httpRoutes = router -> { };
  private ConnectionLimits connectionLimits;
  private HttpServer server;

  GatewayVerticle(Endpoint endpoint, String gatewayAddress, SessionRegistry registry,
      Function<Connection, PlayerSession> sessions) {
    this.endpoint = endpoint;
    this.address = gatewayAddress;
    this.registry = registry;
    this.sessions = sessions;
    this.load = endpoint.limits().load();
  }

  /** The gateway of this node, on the system clock. */
  public static GatewayVerticle create(Vertx vertx, PlayfieldConfig config, ClusterServices cluster, PlayerStore players,
      LocalLoad load, Map<String, GameType> gameOfMode, JsonWire json, TokenService tokens, PlayfieldMetrics metrics) {
    return create(vertx, config, cluster, players, load, gameOfMode, json, tokens, metrics, GatewayClock.system());
  }

  /** The gateway of this node on {@code clock} (tests step it). */
  static GatewayVerticle create(Vertx vertx, PlayfieldConfig config, ClusterServices cluster, PlayerStore players,
      LocalLoad load, Map<String, GameType> gameOfMode, JsonWire json, TokenService tokens, PlayfieldMetrics metrics,
      GatewayClock clock) {
    String address = Addresses.gateway(cluster.nodeId());
    SessionRegistry registry = new SessionRegistry();
    SessionWindows windows = new SessionWindows(config.node().reconnectGraceSeconds() * 1000L,
        config.auth().tokenTtlSeconds() * 1000L);
    Logins logins = new Logins(tokens, accountLogins(vertx, config, players, clock), new Logins.Stores(players, config.modes().keySet().iterator().next(),
        cluster.sessions(), cluster.resumes()),
        registry, vertx.eventBus(), address, windows, clock.wall());
    PatientRequests requests = new PatientRequests(vertx, metrics, clock.wall());
    SeatRecovery seats = new SeatRecovery(requests, cluster.finished(), vertx, address, clock.wall());
    SessionResume resumes = new SessionResume(logins, seats, metrics, clock.nanoTime(), gameOfMode);
    PlayerRecords records = new PlayerRecords(players, config.modes().keySet());
    SessionRules rules = new SessionRules(gameOfMode, config.gateway().maxNameLength(), load::draining);
    Function<Connection, PlayerSession> sessions = connection -> new PlayerSession(connection, logins, resumes,
        new QueueRequests(requests, players, address), new PrivateRoomRequests(requests, address),
        new InputForwarding(vertx.eventBus(), clock.nanoTime()),
        records, rules, registry, clock.wall());
    Endpoint endpoint = new Endpoint(config.httpHost(), config.httpPort(),
        new WebSocketConnection.Limits(config.gateway(), load, metrics, json, clock.nanoTime()));
    return new GatewayVerticle(endpoint, address, registry, sessions);
  }

  private static AccountLogins accountLogins(Vertx vertx, PlayfieldConfig config, PlayerStore players,
      GatewayClock clock) {
    AccountsConfig accounts = config.auth().accounts();
    LoginAttempts attempts = new LoginAttempts(new LoginAttempts.Limits(accounts.attemptsPerAccount(),
        accounts.attemptsPerAddress(), accounts.attemptsWindowSeconds()), clock.nanoTime());
    return new AccountLogins(players, new PasswordHasher(accounts.passwordIterations()),
        new IdentityTokens(vertx, accounts.oidc(), clock.wall(), clock.nanoTime()), attempts, vertx);
  }

  /** Routes served beside {@code /ws} (the ops package's: pages, health, metrics, admin API). */
  public GatewayVerticle withHttpRoutes(Consumer<Router> routes) {
    this.httpRoutes = routes;
    return this;
  }

  @Override
  public Future<?> start() {
    var limits = endpoint.limits().config();
    connectionLimits = new ConnectionLimits(vertx, endpoint.limits().metrics(), limits.maxConnections(),
        limits.maxConnectionsPerAddress(), limits.handshakeTimeoutMs());
    Router router = Router.router(vertx);
    router.route("/ws").handler(this::upgrade);
    httpRoutes.accept(router);
    HttpServerOptions options = new HttpServerOptions()
        .setHost(endpoint.host())
        .setPort(endpoint.port())
        // HTTP/1.1 only (WebSockets upgrade from it). With h2c detection on, a connection reaches
        // the connection handler only once its first bytes decided the protocol, so one that sends
        // a few bytes or none escaped the handshake timeout and the connection caps.
        .setHttp2ClearTextEnabled(false)
        .setWebSocketSubProtocols(List.of(WireFormat.BINARY_SUBPROTOCOL, WireFormat.JSON_SUBPROTOCOL))
        // Frames beyond our own limit still reach us (and get a FRAME_TOO_LARGE error) up to this
        // size; past it Netty closes the connection with 1009 before we see a byte.
        .setMaxWebSocketFrameSize(Math.max(65_536, limits.maxFrameBytes() * 4))
        .setMaxWebSocketMessageSize(Math.max(65_536, limits.maxFrameBytes() * 4));
    if (limits.sendBufferBytes() > 0) {
      options.setSendBufferSize(limits.sendBufferBytes());
    }
    server = vertx.createHttpServer(options)
        .connectionHandler(connectionLimits::onOpened)
        .requestHandler(request -> {
          connectionLimits.onRequest(request.connection());
          router.handle(request);
        });
    GatewayInbox inbox = new GatewayInbox(registry, vertx.eventBus(), address);
    SessionInspector inspector = new SessionInspector(registry, Addresses.nodeOfGateway(address));
    return vertx.eventBus().<GatewayFrame>consumer(address, inbox::onFrame).completion()
        .compose(v -> vertx.eventBus().consumer(
            Addresses.adminSessions(Addresses.nodeOfGateway(address)), inspector::onQuery).completion())
        .compose(v -> server.listen())
        .onSuccess(s -> log.info("gateway listening on {}:{}", endpoint.host(), s.actualPort()));
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
    for (SessionHandle session : registry.sessions()) {
      session.execute(() -> session.closeForDrain(true));
    }
  }

  /** Closes every connection, telling the clients the node is going away. */
  public void closeAll() {
    for (SessionHandle session : registry.sessions()) {
      session.execute(() -> session.closeForDrain(false));
    }
  }

  private void upgrade(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (load.draining()) {
      // Load balancers and clients retry elsewhere on 503.
      ctx.response().setStatusCode(503).putHeader("Connection", "close").end("this node is draining; connect to another\n");
      return;
    }
    HttpConnection connection = request.connection();
    String overCap = connectionLimits.refusal(connection);
    if (overCap != null) {
      ctx.response().setStatusCode(503).putHeader("Connection", "close")
          .end("too many connections (" + overCap + "); try again later\n");
      return;
    }
    WireFormat wire = chooseWire(request);
    if (wire == null) {
      ctx.response().setStatusCode(400).end("unknown encoding; use subprotocol "
          + WireFormat.JSON_SUBPROTOCOL + " or " + WireFormat.BINARY_SUBPROTOCOL + ", or ?encoding=json|binary\n");
      return;
    }
    request.toWebSocket()
        .onSuccess(socket -> {
          WebSocketConnection transport = new WebSocketConnection(socket, connection, wire, endpoint.limits());
          PlayerSession session = sessions.apply(transport);
          registry.opened(session);
          // The upgraded connection's own close handler no longer fires: the WebSocket's does.
          transport.start(session, () -> connectionLimits.onClosed(connection));
        })
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
            return endpoint.limits().json();
          }
          default -> { }
        }
      }
    }
    String encoding = request.getParam("encoding", "json");
    return switch (encoding) {
      case "json" -> endpoint.limits().json();
      case "binary" -> BINARY;
      default -> null;
    };
  }
}
