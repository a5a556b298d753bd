package dev.playfield.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.StringValue;
import dev.playfield.PlayfieldNode;
import dev.playfield.config.ConfigLoader;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import dev.playfield.support.GameJars;
import dev.playfield.support.Http;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real node with a plug-in game in its games folder: it lists the game's mode, serves its page
 * from the jar, and real WebSocket clients play it in both encodings, each sent only their own
 * view, and only when it changed.
 */
class PluginNodeTest {

  @TempDir
  static Path games;
  private static Vertx vertx;
  private static PlayfieldNode node;
  private static Http http;

  @BeforeAll
  static void startNode() throws Exception {
    GameJars.testGame(games, "secrets.jar", "secrets", "test.secrets");
    vertx = Vertx.vertx();
    var config = ConfigLoader.load(vertx, Map.of("PLAYFIELD_GAMES_DIR", games.toString())).await()
        .with("http.port", 0).with("http.host", "127.0.0.1")
        .with("auth.token-secret", TestNode.TEST_SECRET)
        .with("matchmaking.interval-ms", 20)
        .with("modes.secrets.countdown-ms", 100);
    node = new PlayfieldNode(vertx, config).start().await();
    http = new Http(node.httpPort());
  }

  @AfterAll
  static void stopNode() {
    vertx.close().await();
  }

  @Test
  void apiModesListsThePlugInsModeNextToArena() {
    HttpResponse<String> response = http.get("/api/modes");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    JsonArray modes = new JsonObject(response.body()).getJsonArray("modes");
    assertThat(modes).hasSize(2);
    assertThat(modes.getJsonObject(0).getMap()).containsEntry("name", "arena").containsEntry("game", "arena")
        .containsEntry("matchSize", 8).containsEntry("minPlayers", 1).containsEntry("tickRate", 20)
        .containsEntry("stateStream", "EVERY_TICK").doesNotContainKey("page");
    assertThat(modes.getJsonObject(1).getMap()).containsEntry("name", "secrets").containsEntry("game", "secrets")
        .containsEntry("matchSize", 2).containsEntry("minPlayers", 2).containsEntry("tickRate", 20)
        .containsEntry("stateStream", "ON_CHANGE").containsEntry("page", "/games/secrets/?mode=secrets");
  }

  @Test
  void theGamesPageIsServedFromItsJarAndNothingElseIs() {
    HttpResponse<String> page = http.get("/games/secrets/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("secrets page");
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.headers().firstValue("ETag")).isPresent();
    assertThat(http.get("/games/secrets").statusCode()).isEqualTo(302);
    assertThat(http.get("/games/secrets/missing.js").statusCode()).isEqualTo(404);
    assertThat(http.get("/games/secrets/../../defaults/playfield.yaml").statusCode()).isEqualTo(404);
    assertThat(http.get("/games/secrets/%2e%2e/test/secrets/TestGame.class").statusCode()).isEqualTo(404);
    assertThat(http.get("/games/arena/").statusCode()).as("arena has no page of its own").isEqualTo(404);
  }

  @ParameterizedTest(name = "binary={0}")
  @ValueSource(booleans = {true, false})
  void twoPlayersPlayAMatchEachSeeingOnlyTheirOwnSecretAndOnlyWhenItChanged(boolean binary) {
    try (TestClient first = TestClient.connect(vertx, node.httpPort(), binary);
        TestClient second = TestClient.connect(vertx, node.httpPort(), !binary)) {
      first.login("first");
      second.login("second");
      first.joinQueue("secrets");
      second.joinQueue("secrets");
      int firstSlot = slotOf(first.await(ServerMessage::hasMatchFound, Duration.ofSeconds(5)).getMatchFound());
      int secondSlot = slotOf(second.await(ServerMessage::hasMatchFound, Duration.ofSeconds(5)).getMatchFound());
      assertThat(firstSlot).isNotEqualTo(secondSlot);

      List<String> firstViews = viewsFor(first, Duration.ofMillis(1500));
      assertThat(firstViews).as("a state that does not change is not sent 20 times a second")
          .hasSizeBetween(1, 3).allMatch(v -> v.startsWith("secret-of-" + firstSlot + "|"));

      int seq = first.input(StringValue.of("hello"));
      State acked = first.await(m -> m.hasState() && m.getState().getLastInputSeq() == seq, Duration.ofSeconds(5))
          .getState();
      assertThat(view(acked)).isEqualTo("secret-of-" + firstSlot + "|1");
      State seen = second.await(m -> m.hasState() && view(m.getState()).endsWith("|1"), Duration.ofSeconds(5))
          .getState();
      assertThat(view(seen)).as("the other player's view is theirs alone").isEqualTo("secret-of-" + secondSlot + "|1");

      second.input(StringValue.of("end"));
      assertThat(first.await(ServerMessage::hasMatchEnd, Duration.ofSeconds(5)).getMatchEnd().getStandingsCount())
          .isEqualTo(2);
      second.await(ServerMessage::hasMatchEnd, Duration.ofSeconds(5));
    }
  }

  private static int slotOf(MatchFound found) {
    return found.getPlayersList().stream().filter(p -> p.getPlayerId().equals(found.getYourPlayerId()))
        .findFirst().orElseThrow().getSlot();
  }

  private static List<String> viewsFor(TestClient client, Duration window) {
    List<String> views = new ArrayList<>();
    long end = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < end) {
      try {
        ServerMessage message = client.await(ServerMessage::hasState, Duration.ofNanos(Math.max(1, end - System.nanoTime())));
        views.add(view(message.getState()));
      } catch (AssertionError noMore) {
        break;
      }
    }
    return views;
  }

  private static String view(State state) {
    try {
      return state.getGame().unpack(StringValue.class).getValue();
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }
}
