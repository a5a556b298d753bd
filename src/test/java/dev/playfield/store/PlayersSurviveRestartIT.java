package dev.playfield.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.Standing;
import dev.playfield.support.Http;
import dev.playfield.support.ProcessCluster;
import dev.playfield.support.ServerProcess;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestCluster;
import dev.playfield.support.TestDatabases;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes started from the jar play matches, go down whole, and come back on the same data: the same
 * players with the same ratings, the same leaderboard. A standalone node on its embedded database
 * (its data folder), and a three-node cluster on PostgreSQL.
 */
class PlayersSurviveRestartIT {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private final Vertx vertx = Vertx.vertx();
  private String schema;

  @AfterEach
  void tearDown() {
    vertx.close().await();
    if (schema != null) {
      TestDatabases.dropSchema(schema);
    }
  }

  @Test
  void aStandaloneNodeRemembersItsPlayersInItsDataFolder(@TempDir Path dataDir) {
    Map<String, String> env = quickMatches();
    env.put("PLAYFIELD_DATABASE_IN_MEMORY", "false");
    env.put("PLAYFIELD_DATABASE_EMBEDDED_DIR", dataDir.toString());
    env.put("PLAYFIELD_HTTP_PORT", String.valueOf(TestCluster.freePort()));
    int port = Integer.parseInt(env.get("PLAYFIELD_HTTP_PORT"));

    LoginOk ann;
    MatchEnd last;
    String leaderboard;
    try (ServerProcess first = ServerProcess.start("standalone", env)) {
      first.awaitLog("ready: http port", WAIT);
      assertThat(first.logText()).contains("embedded database in " + dataDir);
      Played played = playTwoMatches(port, port);
      ann = played.ann();
      last = played.last();
      leaderboard = leaderboard(port);
      first.terminate();
      first.awaitExit(WAIT);
      assertThat(first.logText()).contains("drained");
    }
    try (ServerProcess second = ServerProcess.start("standalone-again", env)) {
      second.awaitLog("ready: http port", WAIT);
      assertThat(leaderboard(port)).isEqualTo(leaderboard);
      assertThat(loginAgain(port, ann)).isEqualTo(ratingAfter(last, ann.getPlayerId()));
    }
  }

  @Test
  void aClusterStoppedWholeComesBackWithItsPlayersFromPostgres() throws Exception {
    TestDatabases.requirePostgres();
    schema = TestDatabases.freshSchema();
    Map<String, String> env = quickMatches();
    env.put("PLAYFIELD_DATABASE_IN_MEMORY", "false");
    env.put("PLAYFIELD_DATABASE_URL", TestDatabases.POSTGRES_URL);
    env.put("PLAYFIELD_DATABASE_SCHEMA", schema);

    LoginOk ann;
    MatchEnd last;
    String leaderboard;
    try (ProcessCluster cluster = new ProcessCluster(3, env)) {
      // Players on different nodes, the leaderboard read on the third.
      Played played = playTwoMatches(cluster.httpPort(0), cluster.httpPort(1));
      ann = played.ann();
      last = played.last();
      leaderboard = leaderboard(cluster.httpPort(2));
      assertThat(leaderboard(cluster.httpPort(0))).isEqualTo(leaderboard);
      for (int i = 0; i < 3; i++) {
        cluster.terminate(i);
      }
      for (int i = 0; i < 3; i++) {
        cluster.server(i).awaitExit(Duration.ofSeconds(60));
      }
      cluster.saveLogs("restart-it-first");
    }
    try (ProcessCluster again = new ProcessCluster(3, env)) {
      assertThat(leaderboard(again.httpPort(1))).isEqualTo(leaderboard);
      assertThat(loginAgain(again.httpPort(2), ann)).isEqualTo(ratingAfter(last, ann.getPlayerId()));
      again.saveLogs("restart-it-second");
    }
  }

  private record Played(LoginOk ann, MatchEnd last) {}

  /** Two matches of ann and bob (ann on the first port, bob on the second); the last one's end. */
  private Played playTwoMatches(int annPort, int bobPort) {
    try (TestClient ann = TestClient.connect(vertx, annPort, true);
        TestClient bob = TestClient.connect(vertx, bobPort, false)) {
      LoginOk annLogin = ann.login("ann");
      bob.login("bob");
      MatchEnd end = null;
      for (int match = 0; match < 2; match++) {
        ann.joinQueue("arena");
        bob.joinQueue("arena");
        ann.move(1, 0);
        end = ann.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
        bob.await(ServerMessage::hasMatchEnd, WAIT);
      }
      return new Played(annLogin, end);
    }
  }

  private String leaderboard(int port) {
    var answer = new Http(port).get("/api/leaderboards/arena");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    assertThat(new JsonObject(answer.body()).getInteger("total")).isEqualTo(2);
    return answer.body();
  }

  /** The rating a login with the player's token answers with. */
  private int loginAgain(int port, LoginOk earlier) {
    try (TestClient client = TestClient.connect(vertx, port, false)) {
      LoginOk back = client.login(Login.newBuilder().setToken(earlier.getToken()));
      assertThat(back.getPlayerId()).isEqualTo(earlier.getPlayerId());
      return back.getRating();
    }
  }

  private static int ratingAfter(MatchEnd end, String playerId) {
    return end.getStandingsList().stream().filter(s -> s.getPlayerId().equals(playerId))
        .mapToInt(Standing::getRatingAfter).findFirst().orElseThrow();
  }

  /** Quick matches of two that end after 2 s, and a short drain. */
  private static Map<String, String> quickMatches() {
    Map<String, String> env = ProcessCluster.quickNode();
    env.put("PLAYFIELD_MODES_ARENA_SETTINGS_MATCH_SECONDS", "2");
    env.put("PLAYFIELD_NODE_DRAIN_TIMEOUT_SECONDS", "5");
    return env;
  }
}
