package dev.playfield.room;

import dev.playfield.store.PlayerStore;
import dev.playfield.store.sql.StoreVerticle;
import dev.playfield.support.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.Leadership;
import dev.playfield.cluster.local.LocalCluster;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.GameType;
import dev.playfield.node.LocalLoad;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.EventBusCodecs;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Real room hosts on a real Vert.x, reached only through the event bus as gateways reach them. Every
 * host of one fixture shares the same cluster stores (as the nodes of one cluster share Hazelcast's
 * maps) and a membership view the test controls; each has its own load and a stepped clock.
 */
final class HostFixture {

  static final Duration WAIT = Duration.ofSeconds(5);
  static final String MODE = "quick";

  final Vertx vertx;
  final ClusterServices shared = LocalCluster.services("store");
  /** One store for every host, as a cluster shares its database: a replayed end finds the first. */
  final PlayerStore store;
  final Set<String> members = ConcurrentHashMap.newKeySet();
  /** How often a host read the membership view (a takeover's wait polls it). */
  final AtomicInteger membershipReads = new AtomicInteger();
  final SteppedClock clock = new SteppedClock();
  final PlayfieldMetrics metrics;

  HostFixture(Vertx vertx) {
    this.vertx = vertx;
    EventBusCodecs.register(vertx.eventBus());
    metrics = PlayfieldMetrics.of(vertx);
    StoreVerticle storage = new StoreVerticle(TestDatabases.inMemory(), "hosts-" + java.util.UUID.randomUUID(), 1000,
        metrics.registry());
    vertx.deployVerticle(storage).await();
    store = storage.store();
  }

  static ModeConfig mode(int inputQueueSize) {
    // Queue rules are the matchmaker's business; a room never reads them, hence null.
    return new ModeConfig(MODE, "quick", null, 20, 1, 4, inputQueueSize, 0, Map.of());
  }

  /** A host with the quick mode whose matches last {@code matchTicks}. */
  Host deploy(String nodeId, int matchTicks) {
    return deploy(nodeId, Map.of(MODE, mode(8)), Map.of(MODE, new QuickGameType(matchTicks)));
  }

  Host deploy(String nodeId, Map<String, ModeConfig> modes, Map<String, GameType> games) {
    members.add(nodeId);
    ClusterServices services = services(nodeId);
    LocalLoad load = new LocalLoad();
    RoomHostVerticle verticle = new RoomHostVerticle(nodeId, modes, games,
        new MatchResults(store, 32), load, services,
        new RoomHostVerticle.Settings(20_000, 5, 10), metrics, clock);
    vertx.deployVerticle(verticle).await();
    Host host = new Host(nodeId, verticle, load, services);
    vertx.eventBus().<GatewayFrame>consumer(Addresses.gateway(nodeId), message -> {
      GatewayFrame frame = message.body();
      if (frame.hasMatchEnd()) {
        MatchEnd stored = shared.finished().find(frame.getRoomId()).result();
        host.storedWhenEndArrived.put(frame.getRoomId(), stored == null ? MatchEnd.getDefaultInstance() : stored);
      }
      host.frames.add(frame);
    }).completion().await();
    return host;
  }

  private ClusterServices services(String nodeId) {
    Leadership view = new Leadership() {
      @Override
      public boolean isLeader() {
        return true;
      }

      @Override
      public Set<String> liveNodes() {
        membershipReads.incrementAndGet();
        return Set.copyOf(members);
      }

      @Override
      public void onChange(Runnable listener) {}
    };
    return new ClusterServices(nodeId, shared.tickets(), shared.sessions(), shared.nodes(), view,
        shared.rooms(), shared.resumes(), shared.finished(), shared.privateRooms());
  }

  /** One deployed host and the frames sent to its node's gateway address. */
  final class Host {
    final String nodeId;
    final RoomHostVerticle verticle;
    final LocalLoad load;
    final ClusterServices services;
    final LinkedBlockingQueue<GatewayFrame> frames = new LinkedBlockingQueue<>();
    /** What the finished-matches store held for a room when its match end reached this gateway. */
    final Map<String, MatchEnd> storedWhenEndArrived = new ConcurrentHashMap<>();

    Host(String nodeId, RoomHostVerticle verticle, LocalLoad load, ClusterServices services) {
      this.nodeId = nodeId;
      this.verticle = verticle;
      this.load = load;
      this.services = services;
    }

    String gateway() {
      return Addresses.gateway(nodeId);
    }

    /** Opens a room here for players seated through this node's gateway. */
    RoomCreated createRoom(String... players) {
      CreateRoom.Builder create = CreateRoom.newBuilder().setMode(MODE);
      for (String player : players) {
        create.addSeats(Seat.newBuilder().setPlayerId(player).setName(player).setRating(1000).setGateway(gateway()));
      }
      return (RoomCreated) vertx.eventBus().request(Addresses.roomHost(nodeId), create.build()).await().body();
    }

    /** The next frame sent to this gateway that matches, skipping the others. */
    GatewayFrame await(Predicate<GatewayFrame> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        GatewayFrame frame = frames.poll(50, TimeUnit.MILLISECONDS);
        if (frame != null && wanted.test(frame)) {
          return frame;
        }
      }
      throw new AssertionError("no such frame for " + gateway() + " within " + WAIT);
    }

    /** Waits until this host holds {@code count} rooms (closing one finishes just after its last frame). */
    void awaitRooms(int count) throws InterruptedException {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (load.rooms() != count && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(5); // waits for the host to act, not for time to pass
      }
      assertThat(load.rooms()).as("rooms on %s", nodeId).isEqualTo(count);
    }

    /** Asserts that no frame of the room arrives for {@code quiet}. */
    void assertSilent(String roomId, Duration quiet) throws InterruptedException {
      frames.clear();
      long deadline = System.nanoTime() + quiet.toNanos();
      while (System.nanoTime() < deadline) {
        GatewayFrame frame = frames.poll(20, TimeUnit.MILLISECONDS);
        assertThat(frame == null || !frame.getRoomId().equals(roomId)).as("a frame of the stopped room: %s", frame)
            .isTrue();
      }
    }
  }
}
