package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.config.PlayfieldConfig;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node dies in mid-match: its room resumes on a survivor from the replicated copy, players on
 * surviving nodes play on without reconnecting, players of the dead node come back with their token.
 */
class RoomFailoverTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private TestCluster cluster;
  private final List<TestClient> clients = new ArrayList<>();

  @AfterEach
  void tearDown() {
    clients.forEach(TestClient::close);
    if (clientVertx != null) {
      clientVertx.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void roomOfACrashedNodeResumesAndTheMatchCompletes() throws Exception {
    cluster = new TestCluster(3);
    UnaryOperator<PlayfieldConfig> config = c -> c.with("modes.arena.settings.match-seconds", 8);
    List<TestCluster.Member> nodes = List.of(cluster.start(config), cluster.start(config), cluster.start(config));
    // Players on the second and third node; the room goes wherever placement puts it.
    TestClient[] players = {connect(nodes.get(1)), connect(nodes.get(2))};
    LoginOk[] logins = {players[0].login("ann"), players[1].login("bob")};
    players[0].joinQueue("arena");
    players[0].await(ServerMessage::hasQueued, WAIT);
    players[1].joinQueue("arena");
    for (TestClient player : players) {
      player.await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING, WAIT);
    }
    int seq = players[0].move(1, 0);
    State beforeCrash = players[0].await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, WAIT).getState();
    Thread.sleep(600); // past a replication, as a match in progress would be

    TestCluster.Member host = nodes.stream().filter(n -> n.node().load().roomsOpened() > 0).findFirst().orElseThrow();
    long crashedAt = System.nanoTime();
    cluster.crash(host);

    for (int i = 0; i < players.length; i++) {
      TestClient player = players[i];
      boolean gatewayDied = host == nodes.get(i + 1);
      if (gatewayDied) {
        player.awaitClose(WAIT);
        TestCluster.Member survivor = nodes.stream().filter(n -> n != host).findFirst().orElseThrow();
        TestClient back = connect(survivor);
        Resumed resumed = back.resume(logins[i].getResumeToken());
        assertThat(resumed.hasMatch()).as("the seat is back").isTrue();
        players[i] = back;
      }
      State after = players[i].await(m -> m.hasState() && m.getState().getTick() > beforeCrash.getTick() - 10, WAIT)
          .getState();
      Duration pause = Duration.ofNanos(System.nanoTime() - crashedAt);
      assertThat(pause).as("the room plays again within seconds").isLessThan(Duration.ofSeconds(10));
      assertThat(beforeCrash.getTick() - after.getTick()).as("game time lost, in ticks").isLessThanOrEqualTo(10);
    }
    // Inputs reach the resumed room and the match ends with both players ranked.
    TestClient ann = players[0];
    // Any higher seq will do: states still queued from before the crash may show an older one.
    ann.continueSeqAfter(seq + 100);
    // Like a real client, keep sending: right after a failover the event bus may still route a few
    // messages to the dead node's stale registration of the room's address.
    long deadline = System.nanoTime() + WAIT.toNanos();
    boolean acknowledged = false;
    while (!acknowledged && System.nanoTime() < deadline) {
      int next = ann.move(0, 1);
      try {
        ann.await(m -> m.hasState() && m.getState().getLastInputSeq() >= next, Duration.ofMillis(300));
        acknowledged = true;
      } catch (AssertionError notYet) {
        // send the next one
      }
    }
    assertThat(acknowledged).as("inputs reach the resumed room").isTrue();
    for (TestClient player : players) {
      MatchEnd end = player.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
      assertThat(end.getStandingsCount()).isEqualTo(2);
    }
  }

  private TestClient connect(TestCluster.Member member) {
    TestClient client = TestClient.connect(clientVertx(), member.node().httpPort(), true);
    clients.add(client);
    return client;
  }

  private io.vertx.core.Vertx clientVertx;

  // Clients live on their own Vert.x, so a crashed node takes only its server side with it.
  private io.vertx.core.Vertx clientVertx() {
    if (clientVertx == null) {
      clientVertx = io.vertx.core.Vertx.vertx();
    }
    return clientVertx;
  }
}
