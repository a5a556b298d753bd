package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.playfield.config.PlayfieldConfig.ClusterConfig;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredTicket;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.support.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, two implementations: the in-memory cluster state of a standalone node and the
 * Hazelcast one (a real member on 127.0.0.1) must behave the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStateContractTest {

  private static final int INITIAL_RATING = 1000;

  private Vertx vertx;
  private HazelcastInstance hazelcast;

  @BeforeAll
  void startMember() {
    vertx = Vertx.vertx();
    int port = TestCluster.freePort();
    ClusterConfig settings = new ClusterConfig(true, "contract-" + UUID.randomUUID(), "127.0.0.1", port,
        List.of("127.0.0.1:" + port), 0, "", "");
    hazelcast = Hazelcast.newHazelcastInstance(HazelcastCluster.config(settings));
  }

  @AfterAll
  void stopMember() {
    hazelcast.shutdown();
    vertx.close().await();
  }

  Stream<ClusterServices> implementations() {
    String node = "node-" + UUID.randomUUID();
    return Stream.of(
        LocalCluster.services(node, INITIAL_RATING),
        HazelcastCluster.services(vertx, hazelcast, node, INITIAL_RATING));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void ticketsAreKeptReplacedAndRemoved(ClusterServices cluster) {
    String ann = "ann-" + UUID.randomUUID();
    String bob = "bob-" + UUID.randomUUID();
    TicketStore tickets = cluster.tickets();
    tickets.save(ticket(ann, "arena", 1)).await();
    tickets.save(ticket(bob, "arena", 2)).await();
    tickets.save(ticket(ann, "arena", 3)).await();
    assertThat(tickets.loadAll().await()).filteredOn(t -> t.getRequest().getSeat().getPlayerId().equals(ann))
        .extracting(StoredTicket::getEnqueuedAtMs).containsExactly(3L);
    tickets.remove(List.of(ann, bob)).await();
    assertThat(tickets.loadAll().await()).noneMatch(t -> List.of(ann, bob).contains(t.getRequest().getSeat().getPlayerId()));
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void sessionBelongsToTheLastClaimUntilThatGatewayReleasesIt(ClusterServices cluster) {
    String player = "p-" + UUID.randomUUID();
    SessionDirectory sessions = cluster.sessions();
    assertThat(sessions.claim(player, "gw-a").await()).isNull();
    assertThat(sessions.claim(player, "gw-b").await()).isEqualTo("gw-a");
    sessions.release(player, "gw-a").await();
    assertThat(sessions.find(player).await()).as("a stale release changes nothing").isEqualTo("gw-b");
    sessions.release(player, "gw-b").await();
    assertThat(sessions.find(player).await()).isNull();
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void nodeLoadsExpireUnlessRepublished(ClusterServices cluster) throws Exception {
    String steady = "steady-" + UUID.randomUUID();
    String dying = "dying-" + UUID.randomUUID();
    NodeDirectory nodes = cluster.nodes();
    nodes.publish(load(steady, 3), 60_000).await();
    nodes.publish(load(dying, 1), 1_000).await();
    assertThat(ids(nodes.all().await())).contains(steady, dying);
    Thread.sleep(2_100);
    assertThat(ids(nodes.all().await())).contains(steady).doesNotContain(dying);
    nodes.remove(steady).await();
    assertThat(ids(nodes.all().await())).doesNotContain(steady);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void concurrentRatingUpdatesAreNeverLost(ClusterServices cluster) {
    String player = "p-" + UUID.randomUUID();
    RatingStore ratings = cluster.ratings();
    assertThat(ratings.rating(player).await()).isEqualTo(INITIAL_RATING);
    List<Future<Map<String, Integer>>> updates = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      updates.add(ratings.add(Map.of(player, i % 2 == 0 ? 3 : -1)));
    }
    Future.all(updates).await();
    assertThat(ratings.rating(player).await()).isEqualTo(INITIAL_RATING + 20 * 3 - 20);
    assertThat(ratings.add(Map.of(player, -100_000)).await()).containsEntry(player, 0);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void aLoneNodeLeads(ClusterServices cluster) {
    assertThat(cluster.leadership().isLeader()).isTrue();
  }

  private static StoredTicket ticket(String player, String mode, long enqueuedAt) {
    return StoredTicket.newBuilder()
        .setRequest(TicketRequest.newBuilder().setMode(mode)
            .setSeat(Seat.newBuilder().setPlayerId(player).setRating(1000).setGateway("gw")))
        .setEnqueuedAtMs(enqueuedAt)
        .build();
  }

  private static NodeLoad load(String node, int rooms) {
    return NodeLoad.newBuilder().setNodeId(node).setRooms(rooms).setMaxRooms(10).build();
  }

  private static List<String> ids(List<NodeLoad> loads) {
    return loads.stream().map(NodeLoad::getNodeId).toList();
  }
}
