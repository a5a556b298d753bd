package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.ProcessCluster;
import dev.playfield.support.ServerProcess;
import dev.playfield.support.TestClient;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes as separate JVMs started from the jar with environment variables only. Players on
 * different nodes play together; the oldest node (the matchmaker's) gets SIGTERM in mid-match,
 * drains, and no match is lost.
 */
class MultiProcessClusterIT {

  private static final Duration WAIT = Duration.ofSeconds(15);

  private final Vertx vertx = Vertx.vertx();
  private ProcessCluster cluster;
  private final List<TestClient> clients = new ArrayList<>();

  @AfterEach
  void tearDown() throws Exception {
    if (cluster != null) {
      cluster.saveLogs("it-node");
      cluster.close();
    }
    clients.forEach(TestClient::close);
    vertx.close().await();
  }

  @Test
  void drainingTheMatchmakersNodeMidMatchLosesNothing() {
    cluster = new ProcessCluster(3, Map.of(
        "PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS", "6",
        "PLAYFIELD_NODE_DRAIN_TIMEOUT_SECONDS", "30"));
    List<ServerProcess> servers = cluster.servers();
    int[] httpPorts = {cluster.httpPort(0), cluster.httpPort(1), cluster.httpPort(2)};
    assertThat(servers.get(0).logText()).contains("matchmaker active")
        .as("started with config/jvm.options").contains("JIT compilers at lowered priority");

    // Three matches, each with players on two different nodes.
    List<TestClient[]> pairs = new ArrayList<>();
    Map<TestClient, String> resumeTokens = new java.util.HashMap<>();
    for (int m = 0; m < 3; m++) {
      TestClient a = connect(httpPorts[m], true);
      TestClient b = connect(httpPorts[(m + 1) % 3], false);
      resumeTokens.put(a, a.login("a" + m).getResumeToken());
      resumeTokens.put(b, b.login("b" + m).getResumeToken());
      a.joinQueue("arena");
      a.await(ServerMessage::hasQueued, WAIT);
      b.joinQueue("arena");
      String room = a.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId();
      assertThat(b.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getRoomId()).isEqualTo(room);
      pairs.add(new TestClient[] {a, b});
    }
    for (TestClient[] pair : pairs) {
      pair[0].await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING, WAIT);
    }
    long nodesWithRooms = servers.stream().filter(server -> server.logged("created: mode=arena")).count();
    assertThat(nodesWithRooms).as("rooms spread over the nodes by load").isGreaterThanOrEqualTo(2);

    // SIGTERM to the oldest node, whose matchmaker is the active one, in mid-match.
    servers.get(0).terminate();

    // Its rooms move to the other nodes and it closes its own players at once, telling them it is
    // going away (1001); they take their seats back through another node.
    for (int[] at : new int[][] {{0, 0}, {2, 1}}) {
      TestClient leaving = pairs.get(at[0])[at[1]];
      assertThat(leaving.awaitClose(WAIT)).isEqualTo((short) 1001);
      TestClient back = connect(httpPorts[1], true);
      assertThat(back.resume(resumeTokens.get(leaving)).hasMatch()).as("the seat is back on another node").isTrue();
      pairs.get(at[0])[at[1]] = back;
    }

    // Every match plays on: inputs are still applied...
    for (TestClient[] pair : pairs) {
      for (TestClient player : pair) {
        int seq = player.move(0.5f, 0.5f);
        player.await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, WAIT);
      }
    }
    // ...and ends with both players ranked.
    for (TestClient[] pair : pairs) {
      for (TestClient player : pair) {
        MatchEnd end = player.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
        assertThat(end.getStandingsCount()).isEqualTo(2);
      }
    }
    int exit = servers.get(0).awaitExit(Duration.ofSeconds(45));
    assertThat(exit).as("exit after a clean drain (143 is the JVM's code for SIGTERM)").isIn(0, 143);
    assertThat(servers.get(0).logText()).contains("drained");

    // The two nodes left still match players: another node took over the matchmaker.
    TestClient c = connect(httpPorts[1], true);
    TestClient d = connect(httpPorts[2], true);
    c.login("c");
    d.login("d");
    queueUntilAccepted(c);
    queueUntilAccepted(d);
    assertThat(c.await(ServerMessage::hasMatchFound, WAIT).getMatchFound().getPlayersCount()).isEqualTo(2);
    assertThat(servers.get(1).logText() + servers.get(2).logText()).contains("matchmaker active");
  }

  private TestClient connect(int port, boolean binary) {
    TestClient client = TestClient.connect(vertx, port, binary);
    clients.add(client);
    return client;
  }

  // Until the survivors notice the old matchmaker gone, the queue answers UNAVAILABLE.
  private static void queueUntilAccepted(TestClient client) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      client.joinQueue("arena");
      ServerMessage reply = client.await(m -> m.hasQueued() || m.hasError(), WAIT);
      if (reply.hasQueued()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("never queued: " + reply);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
