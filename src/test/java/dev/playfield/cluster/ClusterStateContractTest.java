package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.playfield.cluster.hazelcast.HazelcastCluster;
import dev.playfield.cluster.local.LocalCluster;
import dev.playfield.config.PlayfieldConfig.ClusterConfig;
import dev.playfield.support.MutableClock;
import dev.playfield.protocol.internal.NodeLoad;
import dev.playfield.protocol.internal.ResumeEntry;
import dev.playfield.protocol.internal.RoomRecord;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.StoredTicket;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.support.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One contract, two implementations: the in-memory cluster state of a standalone node and the
 * Hazelcast one (a real member on 127.0.0.1, random cluster name) must behave the same, store by
 * store. Time is stepped on an injected clock. Hazelcast expires entries by its own clock, which
 * cannot be injected, so for the expiry cases of Hazelcast a short real TTL (1 s, Hazelcast counts in seconds) is waited out
 * by polling; the retry window of resume tokens is judged by the injected clock in both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterStateContractTest {

  private static final int INITIAL_RATING = 1000;
  private static final long SHORT_TTL_MS = 1_000; // Hazelcast counts TTLs in whole seconds

  private Vertx vertx;
  private HazelcastInstance hazelcast;

  /** The stores under test, the clock they were given, and whether Hazelcast's clock expires entries. */
  record Implementation(String name, ClusterServices cluster, MutableClock clock, boolean realTtl) {
    @Override
    public String toString() {
      return name;
    }

    /** Lets {@code ttlMillis} pass for the stores' expiry: steps the clock, and waits where Hazelcast's clock rules. */
    void letExpire(long ttlMillis, Supplier<Boolean> expired) throws InterruptedException {
      clock.advance(Duration.ofMillis(ttlMillis + 1));
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (realTtl && !expired.get() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
  }

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

  Stream<Implementation> implementations() {
    String node = "node-" + UUID.randomUUID();
    MutableClock localClock = MutableClock.atEpoch();
    MutableClock hazelcastClock = new MutableClock(java.time.Instant.now());
    return Stream.of(
        new Implementation("local", LocalCluster.services(node, localClock), localClock, false),
        new Implementation("hazelcast", HazelcastCluster.services(vertx, hazelcast, node, hazelcastClock), hazelcastClock, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void ticketsAreKeptReplacedAndRemoved(Implementation implementation) {
    String ann = "ann-" + UUID.randomUUID();
    String bob = "bob-" + UUID.randomUUID();
    TicketStore tickets = implementation.cluster().tickets();
    tickets.save(ticket(ann, "arena", 1)).await();
    tickets.save(ticket(bob, "arena", 2)).await();
    tickets.save(ticket(ann, "arena", 3)).await();
    assertThat(tickets.loadAll().await()).filteredOn(t -> t.getRequest().getSeat().getPlayerId().equals(ann))
        .extracting(StoredTicket::getEnqueuedAtMs).containsExactly(3L);
    tickets.remove(List.of(ann, bob)).await();
    assertThat(tickets.loadAll().await()).noneMatch(t -> List.of(ann, bob).contains(t.getRequest().getSeat().getPlayerId()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void sessionBelongsToTheLastClaimUntilThatGatewayReleasesIt(Implementation implementation) {
    String player = "p-" + UUID.randomUUID();
    SessionDirectory sessions = implementation.cluster().sessions();
    assertThat(sessions.claim(player, "gw-a").await()).isNull();
    assertThat(sessions.claim(player, "gw-b").await()).isEqualTo("gw-a");
    sessions.release(player, "gw-a").await();
    assertThat(sessions.find(player).await()).as("a stale release changes nothing").isEqualTo("gw-b");
    sessions.release(player, "gw-b").await();
    assertThat(sessions.find(player).await()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void nodeLoadsExpireUnlessRepublished(Implementation implementation) throws Exception {
    String steady = "steady-" + UUID.randomUUID();
    String dying = "dying-" + UUID.randomUUID();
    NodeDirectory nodes = implementation.cluster().nodes();
    nodes.publish(load(steady, 3), 60_000).await();
    nodes.publish(load(dying, 1), SHORT_TTL_MS).await();
    assertThat(ids(nodes.all().await())).contains(steady, dying);
    implementation.letExpire(SHORT_TTL_MS, () -> !ids(nodes.all().await()).contains(dying));
    assertThat(ids(nodes.all().await())).contains(steady).doesNotContain(dying);
    nodes.remove(steady).await();
    assertThat(ids(nodes.all().await())).doesNotContain(steady);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aLoneNodeLeads(Implementation implementation) {
    assertThat(implementation.cluster().leadership().isLeader()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aRoomRecordHasOneWriterAndItsOwnerIsListedWithoutItsSnapshot(Implementation implementation) {
    RoomStore rooms = implementation.cluster().rooms();
    String roomId = "room-" + UUID.randomUUID();
    byte[] first = record(roomId, "node-a", 1);
    byte[] second = record(roomId, "node-b", 2);
    assertThat(rooms.replace(roomId, null, first).await()).isTrue();
    assertThat(rooms.replace(roomId, null, second).await()).as("a second first write is fenced off").isFalse();
    assertThat(rooms.replace(roomId, second, second).await()).as("a stale expectation fails").isFalse();
    assertThat(rooms.replace(roomId, first, second).await()).isTrue();
    assertThat(rooms.load(roomId).await()).isEqualTo(second);
    assertThat(rooms.owners().await()).containsEntry(roomId, "node-b");
    assertThat(rooms.all().await()).containsKey(roomId);
    assertThat(rooms.ids().await()).contains(roomId);
    rooms.remove(roomId, first).await();
    assertThat(rooms.load(roomId).await()).as("removing a stale record changes nothing").isEqualTo(second);
    rooms.remove(roomId, second).await();
    assertThat(rooms.load(roomId).await()).isNull();
    assertThat(rooms.owners().await()).doesNotContainKey(roomId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void aResumeTokenCanBeRetriedWithinTheWindow(Implementation implementation) {
    ResumeStore resumes = implementation.cluster().resumes();
    String token = "t-" + UUID.randomUUID();
    resumes.put(token, ResumeEntry.newBuilder().setPlayerId("ann").setRoomId("r1").build(), 60_000).await();

    ResumeEntry first = resumes.consume(token).await();
    assertThat(first.getPlayerId()).isEqualTo("ann");
    assertThat(first.getConsumedAtMs()).isEqualTo(implementation.clock().millis());

    implementation.clock().advance(Duration.ofMillis(ResumeStore.RETRY_WINDOW_MS - 1));
    assertThat(resumes.consume(token).await()).as("a retry within the window gets the same entry").isEqualTo(first);

    implementation.clock().advance(Duration.ofMillis(1));
    assertThat(resumes.consume(token).await()).as("after the window the token is used").isNull();
    assertThat(resumes.consume("t-unknown-" + UUID.randomUUID()).await()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void resumeTokensExpire(Implementation implementation) throws Exception {
    ResumeStore resumes = implementation.cluster().resumes();
    String token = "t-" + UUID.randomUUID();
    resumes.put(token, ResumeEntry.newBuilder().setPlayerId("ann").build(), SHORT_TTL_MS).await();
    String probe = "probe-" + UUID.randomUUID(); // consuming the token itself while waiting would mark it
    resumes.put(probe, ResumeEntry.newBuilder().setPlayerId("probe").build(), SHORT_TTL_MS).await();
    implementation.letExpire(SHORT_TTL_MS, () -> resumes.consume(probe).await() == null);
    assertThat(resumes.consume(token).await()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("implementations")
  void finishedMatchesAreKeptForTheirWindow(Implementation implementation) throws Exception {
    FinishedMatches finished = implementation.cluster().finished();
    String kept = "room-" + UUID.randomUUID();
    String brief = "room-" + UUID.randomUUID();
    finished.put(MatchEnd.newBuilder().setRoomId(kept).setTick(7).build(), 60_000).await();
    finished.put(MatchEnd.newBuilder().setRoomId(brief).build(), SHORT_TTL_MS).await();
    assertThat(finished.find(kept).await().getTick()).isEqualTo(7);
    assertThat(finished.find(brief).await()).isNotNull();
    assertThat(finished.find("room-never").await()).isNull();
    implementation.letExpire(SHORT_TTL_MS, () -> finished.find(brief).await() == null);
    assertThat(finished.find(brief).await()).isNull();
    assertThat(finished.find(kept).await()).isNotNull();
  }

  private static byte[] record(String roomId, String owner, long tick) {
    return RoomRecord.newBuilder().setRoomId(roomId).setOwner(owner).setTick(tick)
        .setGame(com.google.protobuf.ByteString.copyFrom(new byte[512])).build().toByteArray();
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
