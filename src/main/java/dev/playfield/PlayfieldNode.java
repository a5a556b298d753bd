package dev.playfield;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.local.LocalCluster;
import dev.playfield.node.Drainable;
import dev.playfield.node.LocalLoad;
import dev.playfield.cluster.RoomFailoverVerticle;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.PlayfieldConfig;
import dev.playfield.events.EventPublishing;
import dev.playfield.plugin.GameCatalog;
import dev.playfield.game.GameType;
import dev.playfield.gateway.GatewayVerticle;
import dev.playfield.gateway.TokenService;
import dev.playfield.matchmaking.MatchmakerVerticle;
import dev.playfield.ops.DrainEndpoint;
import dev.playfield.ops.LogSetup;
import dev.playfield.ops.OpsRoutes;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.EventBusCodecs;
import dev.playfield.protocol.JsonWire;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.room.HostClock;
import dev.playfield.room.MatchResults;
import dev.playfield.room.RoomHostVerticle;
import dev.playfield.store.sql.SqlPlayerStore;
import dev.playfield.store.sql.StoreVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.security.SecureRandom;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Playfield node on a Vert.x instance: wires the capabilities together, deploys their
 * verticles, publishes the node's load, and drains it on the way out. Used by the launcher and by
 * tests, so both start exactly the same thing.
 */
public final class PlayfieldNode {

  private static final Logger log = LoggerFactory.getLogger(PlayfieldNode.class);
  /** After the last room: how long closed players' sessions get to tell their rooms they left. */
  private static final long CLOSE_WAIT_NANOS = 2_000_000_000L;

  private final Vertx vertx;
  private final PlayfieldConfig config;
  private final ClusterServices cluster;
  private final LocalLoad load = new LocalLoad();
  private final PlayfieldMetrics metrics;
  private GatewayVerticle gateway;
  private SqlPlayerStore store;
  private MatchmakerVerticle matchmaker;
  /** What the node hands over on drain instead of seeing it out: the room host's rooms. */
  private Drainable roomHandOver = Drainable.NOTHING;
  private long loadTimer = -1;
  private long lastLoadNanos = System.nanoTime();

  /** A standalone node: cluster state in memory (players in the store the configuration names). */
  public PlayfieldNode(Vertx vertx, PlayfieldConfig config) {
    this(vertx, config, LocalCluster.services(UUID.randomUUID().toString()));
  }

  public PlayfieldNode(Vertx vertx, PlayfieldConfig config, ClusterServices cluster) {
    this.vertx = vertx;
    this.config = config;
    this.cluster = cluster;
    this.metrics = PlayfieldMetrics.of(vertx);
  }

  public String nodeId() {
    return cluster.nodeId();
  }

  /** Whether this node runs the cluster's singletons (matchmaker, failover scan) now. */
  public boolean leads() {
    return cluster.leadership().isLeader();
  }

  /** Opens the store (migrating its schema), then deploys the node's verticles on it. */
  public Future<PlayfieldNode> start() {
    StoreVerticle storage = new StoreVerticle(config.database(), "playfield-" + nodeId(),
        config.matchmaking().initialRating(), metrics.registry());
    long opening = System.nanoTime();
    return vertx.deployVerticle(storage).compose(id -> {
      log.info("node {}: players are kept in {} (opened in {} ms)", nodeId(), storage.store().description(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - opening));
      return start(storage.store());
    });
  }

  private Future<PlayfieldNode> start(SqlPlayerStore store) {
    this.store = store;
    GameCatalog games = config.games();
    Map<String, GameType> gameOfMode = new LinkedHashMap<>();
    // The configuration checked that every mode's game is loaded.
    config.modes().values().forEach(mode -> gameOfMode.put(mode.name(), games.find(mode.game()).orElseThrow()));
    EventBusCodecs.register(vertx.eventBus());
    TokenService tokens = new TokenService(vertx, tokenSecret(), config.auth().tokenTtlSeconds(), Clock.systemUTC());
    gateway = GatewayVerticle.create(vertx, config, cluster, store, load, gameOfMode,
        new JsonWire(games.messageTypes()), tokens, metrics)
        .withHttpRoutes(new OpsRoutes(vertx, cluster, store, load, config.admin(), metrics,
            config.modes().values(), games)::mount);
    LogSetup.nodeStarted(nodeId(), config.admin());
    metrics.watchPlayers(load);
    matchmaker = new MatchmakerVerticle(config.modes(), config.matchmaking().intervalMs(),
        config.matchmaking().maxMatchesPerPass(), Clock.systemUTC(), cluster, metrics, store::rating);
    RoomHostVerticle roomHost = new RoomHostVerticle(cluster.nodeId(), config.modes(), gameOfMode,
        new MatchResults(store, config.matchmaking().kFactor()), load, cluster,
        new RoomHostVerticle.Settings(config.node().reconnectGraceSeconds() * 1000L,
            config.node().replicateEveryTicks(), config.node().maxRooms()),
        metrics, HostClock.SYSTEM);
    roomHandOver = roomHost::handOverAll;
    return vertx.deployVerticle(roomHost)
        .compose(id -> publishLoad())
        .compose(v -> vertx.deployVerticle(matchmaker))
        .compose(id -> vertx.deployVerticle(new RoomFailoverVerticle(cluster)))
        // The outbox's events, written by the store with the data, go out from the leading node;
        // with no sink configured they wait in the outbox.
        .compose(id -> config.events().rabbitmqEnabled() || config.events().webhooksEnabled()
            ? EventPublishing.start(vertx, config.events(), store, cluster.leadership(), metrics.registry())
            : Future.<Void>succeededFuture())
        .compose(id -> DrainEndpoint.register(vertx.eventBus(), nodeId(), load, this::drain))
        .compose(v -> vertx.deployVerticle(gateway))
        .map(id -> {
          loadTimer = vertx.setPeriodic(config.node().loadIntervalMs(), t -> publishLoad());
          // The time since the JVM started, so an operator can tell a slow start from a slow join.
          log.info("node {} ready: http port {}, modes {}, {} ms after the process started", nodeId(),
              gateway.actualPort(), config.modes().keySet(), ManagementFactory.getRuntimeMXBean().getUptime());
          return this;
        });
  }

  /** The node's store of record; once started. */
  public dev.playfield.store.PlayerStore store() {
    return store;
  }

  /** The HTTP port the node serves on. */
  public int httpPort() {
    return gateway.actualPort();
  }

  public LocalLoad load() {
    return load;
  }

  /**
   * Stops taking new connections and rooms, hands the singletons (matchmaker, failover scan) to the
   * next leader at once, closes idle connections with a reason, hands the rooms over, lets a room
   * no node took finish here (its players here are closed as their match ends), and once the last
   * room is gone (or at the configured deadline) closes every connection left (1001: they resume
   * their seats through another node) and completes. The caller leaves the cluster.
   */
  public Future<Void> drain() {
    long started = System.nanoTime();
    load.startDraining();
    log.info("node {} draining: {} rooms and {} players to see out", nodeId(), load.rooms(), load.players());
    Future<Void> handedOver = publishLoad()
        .compose(v -> matchmaker.stepDown())
        .onComplete(done -> {
          cluster.leadership().resign();
          log.info("node {} resigned the matchmaker and failover roles after {} ms", nodeId(),
              (System.nanoTime() - started) / 1_000_000);
        });
    gateway.closeIdle();
    long deadline = started + config.node().drainTimeoutSeconds() * 1_000_000_000L;
    return handedOver
        .transform(v -> roomHandOver.handOver())
        .transform(v -> waitUntil(() -> load.rooms() == 0, deadline))
        .compose(v -> {
          // The last room here is gone: players still connected play in rooms on other nodes and
          // take their seats back there with their resume token, so there is nothing to wait for.
          gateway.closeAll();
          return waitUntil(() -> load.players() == 0, Math.min(deadline, System.nanoTime() + CLOSE_WAIT_NANOS));
        })
        .compose(v -> {
          if (loadTimer >= 0) {
            vertx.cancelTimer(loadTimer);
          }
          return cluster.nodes().remove(nodeId());
        })
        .onComplete(done -> log.info("node {} drained in {} ms ({} rooms left)", nodeId(),
            (System.nanoTime() - started) / 1_000_000, load.rooms()));
  }

  private Future<Void> waitUntil(java.util.function.BooleanSupplier done, long deadlineNanos) {
    if (done.getAsBoolean()) {
      return Future.succeededFuture();
    }
    Promise<Void> reached = Promise.promise();
    vertx.setPeriodic(50, timer -> {
      if (done.getAsBoolean() || System.nanoTime() >= deadlineNanos) {
        vertx.cancelTimer(timer);
        reached.tryComplete();
      }
    });
    return reached.future();
  }

  private Future<Void> publishLoad() {
    long now = System.nanoTime();
    double seconds = Math.max(1e-3, (now - lastLoadNanos) / 1e9);
    lastLoadNanos = now;
    NodeLoad snapshot = NodeLoad.newBuilder()
        .setNodeId(nodeId())
        .setPlayers(load.players())
        .setRooms(load.rooms())
        .setRoomsOpened(load.roomsOpened())
        .setTickMillisPerSecond(load.takeTickNanos() / 1e6 / seconds)
        .setMaxRooms(config.node().maxRooms())
        .setDraining(load.draining())
        .setUpdatedAtMs(System.currentTimeMillis())
        .build();
    // Three missed publications and the node drops out of placement.
    return cluster.nodes().publish(snapshot, 3L * config.node().loadIntervalMs() + 1000)
        .recover(cause -> {
          log.warn("could not publish node load: {}", cause.getMessage());
          return Future.succeededFuture();
        });
  }

  private String tokenSecret() {
    String secret = config.auth().tokenSecret();
    if (!secret.isEmpty()) {
      return secret;
    }
    if (config.cluster().enabled()) {
      throw new IllegalArgumentException(
          "auth.token-secret must be set in a cluster (PLAYFIELD_AUTH_TOKEN_SECRET): every node must accept every node's tokens");
    }
    log.warn("auth.token-secret is not set: using a random one, so session tokens end with this process");
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    return Base64.getEncoder().encodeToString(random);
  }
}
