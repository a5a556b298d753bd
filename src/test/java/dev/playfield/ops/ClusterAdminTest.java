package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.Http;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestCluster;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin API of two clustered nodes answers for the whole cluster, whichever node is asked. */
class ClusterAdminTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void eitherNodeListsBothNodesAndTheRoomAndFindsPlayersOnTheOther() {
    cluster = new TestCluster(2);
    var config = (java.util.function.UnaryOperator<dev.playfield.config.PlayfieldConfig>) c -> c
        .with("admin.token", AdminApiTest.TOKEN).with("modes.arena.settings.match-seconds", 30);
    TestCluster.Member first = cluster.start(config);
    TestCluster.Member second = cluster.start(config);
    Http askFirst = new Http(first.node().httpPort());
    Http askSecond = new Http(second.node().httpPort());

    assertThat(askFirst.get("/ready").statusCode()).isEqualTo(200);
    assertThat(askSecond.get("/admin/api/nodes").statusCode()).isEqualTo(401);
    awaitNodes(askSecond, Set.of(first.node().nodeId(), second.node().nodeId()));

    try (TestClient a = TestClient.connect(first.vertx(), first.node().httpPort(), true);
        TestClient b = TestClient.connect(second.vertx(), second.node().httpPort(), false)) {
      LoginOk onFirst = a.login("ann");
      b.login("bob");
      a.joinQueue("arena");
      a.await(ServerMessage::hasQueued, WAIT);
      b.joinQueue("arena");
      MatchFound found = a.await(ServerMessage::hasMatchFound, WAIT).getMatchFound();
      b.await(ServerMessage::hasState, WAIT);

      for (Http http : List.of(askFirst, askSecond)) {
        JsonObject rooms = new JsonObject(get(http, "/admin/api/rooms"));
        assertThat(rooms.getJsonArray("failures")).isEmpty();
        JsonArray list = rooms.getJsonArray("rooms");
        assertThat(list).hasSize(1);
        assertThat(list.getJsonObject(0).getString("roomId")).isEqualTo(found.getRoomId());
      }
      JsonObject session = new JsonObject(get(askSecond, "/admin/api/players/" + onFirst.getPlayerId()));
      assertThat(session.getString("nodeId")).as("asked on the second, held on the first")
          .isEqualTo(first.node().nodeId());
      assertThat(session.getString("encoding")).isEqualTo("binary");

      var closed = askSecond.post("/admin/api/rooms/" + found.getRoomId() + "/close",
          "Authorization", Http.bearer(AdminApiTest.TOKEN));
      assertThat(closed.statusCode()).isEqualTo(200);
      a.await(ServerMessage::hasMatchEnd, WAIT);
      b.await(ServerMessage::hasMatchEnd, WAIT);
    }
  }

  private static String get(Http http, String path) {
    var response = http.get(path, "Authorization", Http.bearer(AdminApiTest.TOKEN));
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }

  // Each node publishes its load once a second; the second may not be visible at once.
  private static void awaitNodes(Http http, Set<String> expected) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    Set<String> seen;
    do {
      JsonArray nodes = new JsonObject(get(http, "/admin/api/nodes")).getJsonArray("nodes");
      seen = nodes.stream().map(n -> ((JsonObject) n).getString("nodeId")).collect(Collectors.toSet());
    } while (!seen.equals(expected) && System.nanoTime() < deadline);
    assertThat(seen).isEqualTo(expected);
  }
}
