package dev.playfield.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.Http;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API on one node: refused without the token, and each endpoint with it. */
class AdminApiTest {

  static final String TOKEN = "admin-token-for-tests-0123456789";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private Vertx vertx;
  private PlayfieldNode node;
  private Http http;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    node = TestNode.start(vertx, c -> c.with("admin.token", TOKEN).with("modes.arena.settings.match-seconds", 30));
    http = new Http(node.httpPort());
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private HttpResponse<String> admin(String method, String path) {
    return method.equals("GET") ? http.get(path, "Authorization", Http.bearer(TOKEN))
        : http.post(path, "Authorization", Http.bearer(TOKEN));
  }

  @Test
  void everyAdminCallWithoutTheRightTokenIsTheSame401() {
    String[] paths = {"/admin/api/nodes", "/admin/api/rooms", "/admin/api/players/p-1", "/admin/api/nope"};
    for (String path : paths) {
      for (String[] headers : new String[][] {{}, {"Authorization", Http.bearer("wrong-token-wrong-token")},
          {"Authorization", TOKEN}, {"Authorization", Http.bearer(TOKEN + "x")}}) {
        HttpResponse<String> response = http.get(path, headers);
        assertThat(response.statusCode()).as(path).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"unauthorized\"}");
      }
    }
    HttpResponse<String> drain = http.post("/admin/api/nodes/" + node.nodeId() + "/drain");
    assertThat(drain.statusCode()).isEqualTo(401);
    assertThat(node.load().draining()).as("a refused drain drains nothing").isFalse();
  }

  @Test
  void anEmptyTokenDisablesTheAdminApi() {
    PlayfieldNode open = TestNode.start(vertx, c -> c.with("admin.token", ""));
    Http other = new Http(open.httpPort());
    assertThat(other.get("/admin/api/nodes").statusCode()).isEqualTo(401);
    assertThat(other.get("/admin/api/nodes", "Authorization", "Bearer ").statusCode()).isEqualTo(401);
  }

  @Test
  void nodesRoomsAndPlayersAreListedAndARoomCanBeClosed() {
    JsonArray nodes = new JsonObject(admin("GET", "/admin/api/nodes").body()).getJsonArray("nodes");
    assertThat(nodes).hasSize(1);
    assertThat(nodes.getJsonObject(0).getString("nodeId")).isEqualTo(node.nodeId());
    assertThat(nodes.getJsonObject(0).getBoolean("self")).isTrue();

    try (TestClient a = TestClient.connect(vertx, node.httpPort(), false);
        TestClient b = TestClient.connect(vertx, node.httpPort(), true)) {
      LoginOk ann = a.login("ann");
      b.login("bob");
      a.joinQueue("arena");
      a.await(ServerMessage::hasQueued, WAIT);
      b.joinQueue("arena");
      MatchFound found = a.await(ServerMessage::hasMatchFound, WAIT).getMatchFound();
      a.await(ServerMessage::hasState, WAIT);

      JsonObject rooms = new JsonObject(admin("GET", "/admin/api/rooms").body());
      assertThat(rooms.getJsonArray("failures")).isEmpty();
      JsonObject room = rooms.getJsonArray("rooms").getJsonObject(0);
      assertThat(room.getString("roomId")).isEqualTo(found.getRoomId());
      assertThat(room.getString("nodeId")).isEqualTo(node.nodeId());
      assertThat(room.getInteger("tickRate")).isEqualTo(20);
      assertThat(room.getJsonArray("players")).hasSize(2);
      assertThat(room.getJsonArray("recentTickMs")).isNotEmpty();
      assertThat(room.getDouble("tickMeanMs")).isPositive();

      HttpResponse<String> player = admin("GET", "/admin/api/players/" + ann.getPlayerId());
      assertThat(player.statusCode()).isEqualTo(200);
      JsonObject session = new JsonObject(player.body());
      assertThat(session.getString("name")).isEqualTo("ann");
      assertThat(session.getString("phase")).isEqualTo("in_match");
      assertThat(session.getString("roomId")).isEqualTo(found.getRoomId());
      assertThat(session.getString("encoding")).isEqualTo("json");
      assertThat(session.getString("nodeId")).isEqualTo(node.nodeId());
      assertThat(admin("GET", "/admin/api/players/p-nobody").statusCode()).isEqualTo(404);

      HttpResponse<String> closed = admin("POST", "/admin/api/rooms/" + found.getRoomId() + "/close");
      assertThat(closed.statusCode()).isEqualTo(200);
      MatchEnd end = a.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
      assertThat(end.getRoomId()).isEqualTo(found.getRoomId());
      assertThat(end.getStandingsList()).allSatisfy(s -> assertThat(s.getRatingAfter()).isEqualTo(s.getRatingBefore()));
      b.await(ServerMessage::hasMatchEnd, WAIT);
      assertThat(new JsonObject(admin("GET", "/admin/api/rooms").body()).getJsonArray("rooms")).isEmpty();
      assertThat(node.load().rooms()).isZero();
      assertThat(admin("POST", "/admin/api/rooms/" + found.getRoomId() + "/close").statusCode()).isEqualTo(404);
    }
    assertThat(admin("GET", "/admin/api/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void drainingThroughTheApiTurnsReadinessAndNewUpgradesAway() {
    assertThat(http.get("/ready").statusCode()).isEqualTo(200);
    assertThat(new JsonObject(http.get("/ready").body()).getString("outcome")).isEqualTo("UP");
    assertThat(http.get("/health").statusCode()).isEqualTo(200);

    HttpResponse<String> drain = admin("POST", "/admin/api/nodes/" + node.nodeId() + "/drain");
    assertThat(drain.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(drain.body()).getBoolean("draining")).isTrue();

    HttpResponse<String> ready = http.get("/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.body()).contains("not-draining").contains("DOWN");
    assertThat(http.get("/health").statusCode()).as("alive while draining").isEqualTo(200);
    var upgrade = vertx.createWebSocketClient()
        .connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(node.httpPort()).setURI("/ws"));
    Throwable refused = upgrade.map(socket -> (Throwable) null).otherwise(cause -> cause).await();
    assertThat(refused).isInstanceOfSatisfying(UpgradeRejectedException.class,
        rejected -> assertThat(rejected.getStatus()).isEqualTo(503));
    assertThat(admin("POST", "/admin/api/nodes/no-such-node/drain").statusCode()).isEqualTo(404);
  }
}
