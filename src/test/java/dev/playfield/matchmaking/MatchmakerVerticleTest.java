package dev.playfield.matchmaking;

import dev.playfield.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.cluster.ClusterServices;
import dev.playfield.cluster.NodeDirectory;
import dev.playfield.cluster.local.LocalCluster;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.QueueSettings;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.EventBusCodecs;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.CreateRoom;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.RoomCreated;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredTicket;
import dev.playfield.protocol.internal.TicketRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The matchmaker verticle on a real event bus, with a stand-in room host and a node directory that
 * can fail on purpose. The timer is set far out: tests call {@code pass()} and step the clock.
 */
@ExtendWith(VertxExtension.class)
class MatchmakerVerticleTest {

  private static final String NODE = "node-1";
  private static final String MODE = "duel";
  private static final Map<String, ModeConfig> MODES = Map.of(MODE, new ModeConfig(MODE, "arena",
      new QueueSettings(2, 2, Duration.ofSeconds(30), 100, 10, 400), 20, 1, 4, 8, 0, Map.of()));

  private final MutableClock clock = MutableClock.atEpoch();
  private final AtomicBoolean nodeLookupFails = new AtomicBoolean();
  private ClusterServices cluster;
  private MatchmakerVerticle matchmaker;
  private Vertx vertx;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    EventBusCodecs.register(vertx.eventBus());
    ClusterServices local = LocalCluster.services(NODE, clock);
    NodeDirectory nodes = new NodeDirectory() {
      @Override
      public Future<Void> publish(NodeLoad load, long ttlMillis) {
        return local.nodes().publish(load, ttlMillis);
      }

      @Override
      public Future<Void> remove(String nodeId) {
        return local.nodes().remove(nodeId);
      }

      @Override
      public Future<List<NodeLoad>> all() {
        return nodeLookupFails.get() ? Future.failedFuture("the cluster is unreachable") : local.nodes().all();
      }
    };
    cluster = new ClusterServices(NODE, local.tickets(), local.sessions(), nodes,
        local.leadership(), local.rooms(), local.resumes(), local.finished(), local.privateRooms());
    cluster.nodes().publish(NodeLoad.newBuilder().setNodeId(NODE).setMaxRooms(10).build(), 3_600_000).await();
    matchmaker = new MatchmakerVerticle(MODES, 3_600_000, 10, clock, cluster, PlayfieldMetrics.of(vertx),
        (player, mode) -> io.vertx.core.Future.succeededFuture(1000));
    vertx.deployVerticle(matchmaker).await();
  }

  @Test
  void aPassWhoseNodeLookupFailsRequeuesEveryTicket() throws Exception {
    CompletableFuture<CreateRoom> created = roomHostReplies();
    queue("ann");
    queue("bob");
    nodeLookupFails.set(true);

    matchmaker.pass().await(5, TimeUnit.SECONDS);
    assertThat(created).as("no room without the node list").isNotDone();
    assertThat(storedPlayers()).containsExactlyInAnyOrder("ann", "bob");

    nodeLookupFails.set(false);
    matchmaker.pass().await(5, TimeUnit.SECONDS);
    assertThat(created.get(5, TimeUnit.SECONDS).getSeatsList()).extracting(Seat::getPlayerId)
        .containsExactlyInAnyOrder("ann", "bob");
    assertThat(storedPlayers()).isEmpty();
  }

  @Test
  void cancellingAnUnknownTicketSucceeds() throws Exception {
    vertx.eventBus().request(Addresses.MATCHMAKER, CancelTicket.newBuilder().setPlayerId("nobody").build())
        .await(5, TimeUnit.SECONDS);
    queue("ann");
    vertx.eventBus().request(Addresses.MATCHMAKER, CancelTicket.newBuilder().setPlayerId("ann").build())
        .await(5, TimeUnit.SECONDS);
    assertThat(storedPlayers()).isEmpty();
  }

  @Test
  void ticketsLeaveTheStoreOnlyOnceTheirRoomIsPlaced() throws Exception {
    CompletableFuture<Message<Object>> request = new CompletableFuture<>();
    vertx.eventBus().consumer(Addresses.roomHost(NODE), request::complete).completion().await();
    queue("ann");
    queue("bob");

    Future<Void> pass = matchmaker.pass();
    Message<Object> create = request.get(5, TimeUnit.SECONDS);
    assertThat(storedPlayers()).as("while the room is being opened").containsExactlyInAnyOrder("ann", "bob");
    assertThat(pass.isComplete()).isFalse();

    create.reply(RoomCreated.newBuilder().setRoomId("r1").setRoomsOpened(1).build());
    pass.await(5, TimeUnit.SECONDS);
    assertThat(storedPlayers()).isEmpty();
  }

  @Test
  void aMatchThatNoNodeOpensWaitsInTheStoreForTheNextLeaderOnceSteppedDown() throws Exception {
    CompletableFuture<Message<Object>> request = new CompletableFuture<>();
    vertx.eventBus().consumer(Addresses.roomHost(NODE), request::complete).completion().await();
    queue("ann");
    queue("bob");

    Future<Void> pass = matchmaker.pass();
    Message<Object> create = request.get(5, TimeUnit.SECONDS);
    Future<Void> steppedDown = matchmaker.stepDown();
    assertThat(steppedDown.isComplete()).as("the pass under way finishes first").isFalse();
    create.fail(503, "full");
    pass.await(5, TimeUnit.SECONDS);
    steppedDown.await(5, TimeUnit.SECONDS);

    assertThat(storedPlayers()).as("requeued after deactivation: kept for the next leader")
        .containsExactlyInAnyOrder("ann", "bob");
    assertThat(vertx.eventBus().request(Addresses.MATCHMAKER, ticket("cid"))
        .transform(done -> Future.succeededFuture(done.failed())).await(5, TimeUnit.SECONDS))
        .as("the address is released for the next leader").isTrue();
  }

  private void queue(String player) throws Exception {
    vertx.eventBus().request(Addresses.MATCHMAKER, ticket(player)).await(5, TimeUnit.SECONDS);
    clock.advance(Duration.ofMillis(10));
  }

  private static TicketRequest ticket(String player) {
    return TicketRequest.newBuilder().setMode(MODE)
        .setSeat(Seat.newBuilder().setPlayerId(player).setRating(1000).setGateway(Addresses.gateway(NODE))).build();
  }

  private CompletableFuture<CreateRoom> roomHostReplies() {
    CompletableFuture<CreateRoom> created = new CompletableFuture<>();
    vertx.eventBus().<CreateRoom>consumer(Addresses.roomHost(NODE), message -> {
      created.complete(message.body());
      message.reply(RoomCreated.newBuilder().setRoomId("r1").setRoomsOpened(1).build());
    }).completion().await();
    return created;
  }

  private List<String> storedPlayers() {
    return cluster.tickets().loadAll().await().stream()
        .map(StoredTicket::getRequest).map(r -> r.getSeat().getPlayerId()).toList();
  }
}
