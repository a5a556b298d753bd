package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.local.LocalCluster;
import dev.playfield.node.LocalLoad;
import dev.playfield.cluster.local.LocalRatingStore;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.QueueSettings;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.Standing;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.EventBusCodecs;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.SeatRecord;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.SeatLeft;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real room host on a real Vert.x, reached only through the event bus as gateways reach it. */
@ExtendWith(VertxExtension.class)
class RoomHostVerticleTest {

  private static final String NODE = "node-1";
  private final ClusterServices cluster = LocalCluster.services(NODE, 1000);
  private static final int TICK_RATE = 20;
  private static final long SLOW_TICK_MILLIS = 30;

  @Test
  void slowTicksStayOnTheFixedSchedule(Vertx vertx) throws Exception {
    String gateway = Addresses.gateway(NODE);
    List<Long> arrivals = startHostAndCountTicks(vertx, gateway);
    RoomCreated created = createRoom(vertx, gateway, "p1");
    assertThat(created.getRoomId()).isNotEmpty();

    Thread.sleep(2_600);
    List<Long> ticks = List.copyOf(arrivals);
    assertThat(ticks).hasSizeGreaterThan(40);
    // 40 ticks of a 50 ms period take 2 s on schedule; had each 30 ms tick pushed the next one
    // back (a timer re-armed after the tick), they would take 3.2 s.
    double seconds = (ticks.get(40) - ticks.get(0)) / 1e9;
    assertThat(seconds).isBetween(1.9, 2.4);
  }

  @Test
  void roomThatEmptiesIsDisposedAndStopsTicking(Vertx vertx) throws Exception {
    String gateway = Addresses.gateway(NODE);
    List<Long> arrivals = startHostAndCountTicks(vertx, gateway);
    RoomCreated created = createRoom(vertx, gateway, "p1", "p2");
    Thread.sleep(300);
    assertThat(arrivals).isNotEmpty();

    vertx.eventBus().send(Addresses.room(created.getRoomId()), SeatLeft.newBuilder().setPlayerId("p1").build());
    Thread.sleep(200);
    int withOnePlayer = arrivals.size();
    Thread.sleep(300);
    assertThat(arrivals.size()).as("the room goes on while one player remains").isGreaterThan(withOnePlayer);

    vertx.eventBus().send(Addresses.room(created.getRoomId()), SeatLeft.newBuilder().setPlayerId("p2").build());
    Thread.sleep(200);
    int atDisposal = arrivals.size();
    Thread.sleep(400);
    assertThat(arrivals).hasSize(atDisposal);
    // Its inbox is gone too: nothing listens at the room's address any more.
    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.room(created.getRoomId()), SeatLeft.getDefaultInstance())
        .await()).isInstanceOf(ReplyException.class).hasMessageContaining("No handlers");
  }

  @Test
  void roomTakenOverByAnotherNodeStopsHere(Vertx vertx) throws Exception {
    String gateway = Addresses.gateway(NODE);
    List<Long> arrivals = startHostAndCountTicks(vertx, gateway);
    RoomCreated created = createRoom(vertx, gateway, "p1");
    Thread.sleep(400);
    assertThat(arrivals).isNotEmpty();

    // Another node claims the room (as failover would if this one had been thought dead).
    byte[] current = cluster.rooms().load(created.getRoomId()).await();
    RoomRecord theirs = RoomRecord.parseFrom(current).toBuilder().setOwner("another-node").build();
    assertThat(cluster.rooms().replace(created.getRoomId(), current, theirs.toByteArray()).await()).isTrue();

    Thread.sleep(600); // a replication interval is 5 ticks, 250 ms
    int stoppedAt = arrivals.size();
    Thread.sleep(400);
    assertThat(arrivals).as("the fenced-off copy stopped ticking").hasSize(stoppedAt);
    assertThat(RoomRecord.parseFrom(cluster.rooms().load(created.getRoomId()).await()).getOwner())
        .as("the new owner's record is left alone").isEqualTo("another-node");
  }

  @Test
  void aTakeoverWaitsForThisNodeToSeeTheOldOwnerLeave(Vertx vertx) throws Exception {
    // The leader saw "node-0" leave; this node's membership view still lists it for a moment.
    java.util.Set<String> members = java.util.concurrent.ConcurrentHashMap.newKeySet();
    members.addAll(List.of(NODE, "node-0"));
    ClusterServices lagging = withMembers(members);
    RoomRecord record = storeRoomOfNode0(lagging);
    deployHost(vertx, lagging);

    vertx.setTimer(300, id -> members.remove("node-0"));
    long asked = System.nanoTime();
    var resumed = vertx.eventBus().request(Addresses.roomHost(NODE),
        dev.playfield.protocol.internal.ResumeRoom.newBuilder().setRoomId(record.getRoomId()).build()).await();
    assertThat(resumed.body()).isInstanceOf(RoomCreated.class);
    assertThat((System.nanoTime() - asked) / 1e6).as("waited for the view to catch up").isGreaterThanOrEqualTo(250);
    assertThat(RoomRecord.parseFrom(lagging.rooms().load(record.getRoomId()).await()).getOwner()).isEqualTo(NODE);
  }

  @Test
  void aTakeoverOfARoomWhoseOwnerStaysAMemberIsRefused(Vertx vertx) throws Exception {
    ClusterServices alive = withMembers(java.util.Set.of(NODE, "node-0"));
    RoomRecord record = storeRoomOfNode0(alive);
    deployHost(vertx, alive);

    assertThatThrownBy(() -> vertx.eventBus().request(Addresses.roomHost(NODE),
        dev.playfield.protocol.internal.ResumeRoom.newBuilder().setRoomId(record.getRoomId()).build()).await())
        .isInstanceOf(ReplyException.class).hasMessageContaining("still a member");
    assertThat(RoomRecord.parseFrom(alive.rooms().load(record.getRoomId()).await()).getOwner())
        .as("the live owner keeps its room").isEqualTo("node-0");
  }

  /** Replicates a running room owned by "node-0" with one player seated through this node. */
  private static RoomRecord storeRoomOfNode0(ClusterServices services) {
    RoomRecord record = RoomRecord.newBuilder().setRoomId("room-of-node-0").setMode("slow").setOwner("node-0")
        .setTick(40).addSeats(SeatRecord.newBuilder().setPlayerId("p1").setName("p1")
            .setGateway(Addresses.gateway(NODE)).setPresent(true).setConnected(true)).build();
    assertThat(services.rooms().replace(record.getRoomId(), null, record.toByteArray()).await()).isTrue();
    return record;
  }

  /** This node's cluster services, with a membership view the test controls. */
  private ClusterServices withMembers(java.util.Set<String> members) {
    return new ClusterServices(NODE, cluster.ratings(), cluster.tickets(), cluster.sessions(), cluster.nodes(),
        new dev.playfield.cluster.Leadership() {
          @Override
          public boolean isLeader() {
            return true;
          }

          @Override
          public java.util.Set<String> liveNodes() {
            return java.util.Set.copyOf(members);
          }

          @Override
          public void onChange(Runnable listener) {}
        }, cluster.rooms(), cluster.resumes(), cluster.finished());
  }

  private void deployHost(Vertx vertx, ClusterServices services) {
    EventBusCodecs.register(vertx.eventBus());
    ModeConfig mode = new ModeConfig("slow", "slow",
        new QueueSettings(1, 1, Duration.ZERO, 0, 0, 0), TICK_RATE, 1, 4, 8, 0, Map.of());
    vertx.deployVerticle(new RoomHostVerticle(NODE, Map.of("slow", mode), Map.of("slow", new SlowGameType()),
        new MatchResults(new LocalRatingStore(1000), 32), new LocalLoad(), services,
        new RoomHostVerticle.Settings(20_000, 5, 10))).await();
  }

  private List<Long> startHostAndCountTicks(Vertx vertx, String gateway) {
    EventBusCodecs.register(vertx.eventBus());
    ModeConfig mode = new ModeConfig("slow", "slow",
        new QueueSettings(1, 1, Duration.ZERO, 0, 0, 0), TICK_RATE, 1, 4, 8, 0, Map.of());
    vertx.deployVerticle(new RoomHostVerticle(NODE, Map.of("slow", mode), Map.of("slow", new SlowGameType()),
        new MatchResults(new LocalRatingStore(1000), 32), new LocalLoad(), cluster,
        new RoomHostVerticle.Settings(20_000, 5, 10))).await();
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    vertx.eventBus().<GatewayFrame>consumer(gateway, message -> {
      if (message.body().hasTick()) {
        arrivals.add(System.nanoTime());
      }
    }).completion().await();
    return arrivals;
  }

  private RoomCreated createRoom(Vertx vertx, String gateway, String... players) {
    CreateRoom.Builder create = CreateRoom.newBuilder().setMode("slow");
    for (String player : players) {
      create.addSeats(Seat.newBuilder().setPlayerId(player).setName(player).setGateway(gateway));
    }
    return (RoomCreated) vertx.eventBus().request(Addresses.roomHost(NODE), create.build()).await().body();
  }

  /** A game whose tick burns most of the tick period. */
  private static final class SlowGameType implements GameType {
    @Override
    public String name() {
      return "slow";
    }

    @Override
    public Class<? extends Message> inputType() {
      return Empty.class;
    }

    @Override
    public Iterable<Descriptor> messageTypes() {
      return List.of(Empty.getDescriptor());
    }

    @Override
    public Optional<String> rejectReason(Message input) {
      return Optional.empty();
    }

    @Override
    public Game create(GameSetup setup) {
      return new Game() {
        @Override
        public void tick(List<PlayerInput> inputs) {
          long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SLOW_TICK_MILLIS);
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
        }

        @Override
        public void leave(int slot) {}

        @Override
        public Message view(int slot) {
          return Empty.getDefaultInstance();
        }

        @Override
        public boolean sharedView() {
          return true;
        }

        @Override
        public boolean finished() {
          return false;
        }

        @Override
        public List<Standing> standings() {
          return List.of(new Standing(0, 1, 0));
        }

        @Override
        public byte[] snapshot() {
          return new byte[0];
        }
      };
    }

    @Override
    public Game restore(GameSetup setup, byte[] snapshot) {
      return create(setup);
    }
  }
}
