package dev.playfield.gateway;

import dev.playfield.support.MutableClock;
import dev.playfield.PlayfieldNode;
import dev.playfield.plugin.GameCatalog;
import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.local.LocalCluster;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.PlayfieldConfig;
import dev.playfield.game.GameType;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.JsonWire;
import dev.playfield.support.TestNode;
import io.micrometer.core.instrument.Counter;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A real standalone node (rooms, matchmaker, its own gateway) whose matchmaker leadership a test
 * switches, plus a second gateway on the same event bus and cluster state whose wall clock the
 * test steps: players connected there reach the node's matchmaker and rooms as players of another
 * gateway node would, and its retry deadlines pass when the test says so.
 */
final class SteppedGateway {

  final PlayfieldNode node;
  final ClusterServices cluster;
  final SwitchableLeadership leadership;
  final MutableClock clock;
  final PlayfieldMetrics metrics;
  private final GatewayVerticle gateway;

  private SteppedGateway(PlayfieldNode node, ClusterServices cluster, SwitchableLeadership leadership,
      MutableClock clock, PlayfieldMetrics metrics, GatewayVerticle gateway) {
    this.node = node;
    this.cluster = cluster;
    this.leadership = leadership;
    this.clock = clock;
    this.metrics = metrics;
    this.gateway = gateway;
  }

  static SteppedGateway start(Vertx vertx, UnaryOperator<PlayfieldConfig> changes) {
    PlayfieldConfig config = changes.apply(TestNode.quickConfig(vertx));
    String nodeId = UUID.randomUUID().toString();
    ClusterServices local = LocalCluster.services(nodeId);
    String steppedNodeId = "stepped-" + nodeId;
    // Both gateways are live nodes: rooms keep seats only for players of live gateways.
    SwitchableLeadership leadership = new SwitchableLeadership(java.util.Set.of(nodeId, steppedNodeId));
    ClusterServices cluster = new ClusterServices(nodeId, local.tickets(), local.sessions(),
        local.nodes(), leadership, local.rooms(), local.resumes(), local.finished(), local.privateRooms());
    PlayfieldNode node = new PlayfieldNode(vertx, config, cluster).start().await();

    Map<String, GameType> gameOfMode = new LinkedHashMap<>();
    for (ModeConfig mode : config.modes().values()) {
      gameOfMode.put(mode.name(), GameCatalog.builtIn().find(mode.game()).orElseThrow());
    }
    ClusterServices secondGateway = new ClusterServices(steppedNodeId, cluster.tickets(),
        cluster.sessions(), cluster.nodes(), leadership, cluster.rooms(), cluster.resumes(), cluster.finished(),
        cluster.privateRooms());
    PlayfieldMetrics metrics = PlayfieldMetrics.of(vertx);
    MutableClock clock = new MutableClock(java.time.Instant.now());
    TokenService tokens = new TokenService(vertx, TestNode.TEST_SECRET, config.auth().tokenTtlSeconds(), Clock.systemUTC());
    GatewayVerticle gateway = GatewayVerticle.create(vertx, config, secondGateway, node.store(), node.load(), gameOfMode,
        new JsonWire(GameCatalog.builtIn().messageTypes()), tokens, metrics,
        new GatewayClock(clock, System::nanoTime));
    vertx.deployVerticle(gateway).await();
    // A gateway node the matchmaker sees as live (its players are seated), with no rooms to offer.
    cluster.nodes().publish(dev.playfield.protocol.internal.NodeLoad.newBuilder().setNodeId(steppedNodeId)
        .setMaxRooms(0).setUpdatedAtMs(System.currentTimeMillis()).build(), 3_600_000).await();
    return new SteppedGateway(node, cluster, leadership, clock, metrics, gateway);
  }

  /** The port of the gateway on the stepped clock. */
  int port() {
    return gateway.actualPort();
  }

  /** Failed requests to {@code target} counted so far with this cause. */
  double remoteFailures(String target, BusFailure failure) {
    Counter counter = metrics.registry().find("playfield_remote_failures")
        .tag("target", target).tag("failure", failure.label()).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Hands the matchmaker role away and waits until its address has no handler. */
  void matchmakerGone(Vertx vertx) {
    leadership.set(false);
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      Throwable failure = vertx.eventBus().request(Addresses.MATCHMAKER, "probe").transform(done ->
          io.vertx.core.Future.succeededFuture(done.cause())).await();
      if (BusFailure.of(failure) == BusFailure.NO_HANDLER) {
        return;
      }
    }
    throw new AssertionError("the matchmaker still answers");
  }

  /** Steps the clock by {@code stepMs} every few real milliseconds until {@code done} holds. */
  void stepUntil(java.util.function.BooleanSupplier done, long stepMs) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not done within 10 s of real time");
      }
      clock.advance(java.time.Duration.ofMillis(stepMs));
      Thread.sleep(20);
    }
  }
}
