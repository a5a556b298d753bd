package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.config.PlayfieldConfig;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real clustered nodes in one JVM: players on different nodes play together. */
class ClusteredNodesTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private TestCluster cluster;
  private final List<TestClient> clients = new ArrayList<>();

  @AfterEach
  void tearDown() {
    clients.forEach(TestClient::close);
    if (cluster != null) {
      cluster.close();
    }
  }

  private TestClient connect(TestCluster.Member member, boolean binary) {
    TestClient client = TestClient.connect(member.vertx(), member.node().httpPort(), binary);
    clients.add(client);
    return client;
  }

  @Test
  void playersOnDifferentNodesAreMatchedAndRoomsSpreadByLoad() {
    cluster = new TestCluster(3);
    UnaryOperator<PlayfieldConfig> longerMatches = c -> c.with("modes.arena.settings.match-seconds", 8);
    List<TestCluster.Member> nodes =
        List.of(cluster.start(longerMatches), cluster.start(longerMatches), cluster.start(longerMatches));
    // Three matches of two, each pair split across two nodes, one after the other.
    List<TestClient[]> pairs = new ArrayList<>();
    for (int m = 0; m < 3; m++) {
      TestClient a = connect(nodes.get(m), true);
      TestClient b = connect(nodes.get((m + 1) % 3), false);
      a.login("a" + m);
      b.login("b" + m);
      a.joinQueue("arena");
      a.await(ServerMessage::hasQueued, WAIT);
      b.joinQueue("arena");
      MatchFound found = a.await(ServerMessage::hasMatchFound, WAIT).getMatchFound();
      assertThat(b.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId()).isEqualTo(found.getRoomId());
      pairs.add(new TestClient[] {a, b});
    }
    for (TestClient[] pair : pairs) {
      int seq = pair[0].move(1, 0);
      pair[0].await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, WAIT);
      MatchEnd end = pair[0].await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
      assertThat(end.getStandingsCount()).isEqualTo(2);
      assertThat(pair[1].await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd()).isEqualTo(end);
    }
    List<Long> roomsPerNode = nodes.stream().map(n -> n.node().load().roomsOpened()).toList();
    assertThat(roomsPerNode).as("rooms opened per node").containsOnly(1L);
  }

  @Test
  void secondLoginOnAnotherNodeClosesTheFirstSession() {
    cluster = new TestCluster(2);
    TestCluster.Member first = cluster.start();
    TestCluster.Member second = cluster.start();
    TestClient onFirst = connect(first, true);
    var ok = onFirst.login("eve");
    TestClient onSecond = connect(second, true);
    var again = onSecond.login(Login.newBuilder().setToken(ok.getToken()));
    assertThat(again.getPlayerId()).isEqualTo(ok.getPlayerId());
    assertThat(onFirst.awaitClose(WAIT)).isEqualTo((short) 4001);
  }

  @Test
  void waitingTicketSurvivesTheMatchmakersNodeLeaving() {
    cluster = new TestCluster(2);
    TestCluster.Member leader = cluster.start();
    TestCluster.Member follower = cluster.start();
    TestClient early = connect(follower, true);
    early.login("early");
    early.joinQueue("arena");
    early.await(ServerMessage::hasQueued, WAIT);

    cluster.stop(leader);

    TestClient late = connect(follower, false);
    late.login("late");
    // The follower takes over as soon as it sees the leader gone; until then the queue answers
    // UNAVAILABLE and a client retries.
    long deadline = System.nanoTime() + WAIT.toNanos();
    ServerMessage reply;
    do {
      late.joinQueue("arena");
      reply = late.await(m -> m.hasQueued() || m.hasError(), WAIT);
      if (reply.hasError()) {
        sleep(200);
      }
    } while (reply.hasError() && System.nanoTime() < deadline);
    assertThat(reply.hasQueued()).as("queued after the matchmaker moved: " + reply).isTrue();
    assertThat(early.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getPlayersCount()).isEqualTo(2);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
