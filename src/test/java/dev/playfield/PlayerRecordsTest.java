package dev.playfield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.GetLeaderboard;
import dev.playfield.protocol.v1.GetRecentMatches;
import dev.playfield.protocol.v1.Leaderboard;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.PlayedMatch;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.Standing;
import dev.playfield.support.Http;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A played match as the record shows it afterwards: the players' recent matches and the mode's
 * leaderboard over the protocol, the same leaderboard over public HTTP, and the rating a later
 * login answers with, all read back from the store.
 */
@ExtendWith(VertxExtension.class)
class PlayerRecordsTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void aPlayedMatchShowsInHistoryLeaderboardAndTheNextLogin(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, config -> config);
    MatchEnd end;
    LoginOk annLogin;
    try (TestClient ann = TestClient.connect(vertx, node.httpPort(), false);
        TestClient bob = TestClient.connect(vertx, node.httpPort(), true)) {
      annLogin = ann.login("ann");
      bob.login("bob");
      ann.send(ClientMessage.newBuilder().setGetLeaderboard(GetLeaderboard.newBuilder().setMode("arena")));
      Leaderboard empty = ann.await(ServerMessage::hasLeaderboard, WAIT).getLeaderboard();
      assertThat(empty.getEntriesList()).isEmpty();
      assertThat(empty.hasYou()).isFalse();

      ann.joinQueue("arena");
      bob.joinQueue("arena");
      end = ann.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
      Standing annStanding = standingOf(end, annLogin.getPlayerId());

      ann.send(ClientMessage.newBuilder().setGetRecentMatches(GetRecentMatches.getDefaultInstance()));
      List<PlayedMatch> recent = ann.await(ServerMessage::hasRecentMatches, WAIT).getRecentMatches().getMatchesList();
      assertThat(recent).hasSize(1);
      assertThat(recent.get(0).getRoomId()).isEqualTo(end.getRoomId());
      assertThat(recent.get(0).getMode()).isEqualTo("arena");
      assertThat(recent.get(0).getPlayers()).isEqualTo(2);
      assertThat(recent.get(0).getRank()).isEqualTo(annStanding.getRank());
      assertThat(recent.get(0).getRatingAfter()).isEqualTo(annStanding.getRatingAfter());

      bob.send(ClientMessage.newBuilder().setGetLeaderboard(GetLeaderboard.newBuilder().setMode("arena").setLimit(1)));
      Leaderboard top = bob.await(ServerMessage::hasLeaderboard, WAIT).getLeaderboard();
      assertThat(top.getTotal()).isEqualTo(2);
      assertThat(top.getEntriesList()).hasSize(1);
      assertThat(top.getEntries(0).getRank()).isEqualTo(1);
      assertThat(top.getEntries(0).getRating()).isEqualTo(end.getStandings(0).getRatingAfter());
      assertThat(top.getYou().getName()).isEqualTo("bob");
      assertThat(top.getYou().getMatches()).isEqualTo(1);

      bob.send(ClientMessage.newBuilder().setGetLeaderboard(GetLeaderboard.newBuilder().setMode("chess")));
      assertThat(bob.awaitError(ErrorCode.UNKNOWN_MODE).getError().getMessage()).contains("chess");
      bob.send(ClientMessage.newBuilder().setGetRecentMatches(GetRecentMatches.newBuilder().setLimit(51)));
      bob.awaitError(ErrorCode.INVALID_ARGUMENT);
    }

    try (TestClient again = TestClient.connect(vertx, node.httpPort(), false)) {
      again.send(ClientMessage.newBuilder().setGetRecentMatches(GetRecentMatches.getDefaultInstance()));
      again.awaitError(ErrorCode.NOT_LOGGED_IN);
      LoginOk back = again.login(Login.newBuilder().setToken(annLogin.getToken()));
      assertThat(back.getRating()).isEqualTo(standingOf(end, annLogin.getPlayerId()).getRatingAfter());
    }

    Http http = new Http(node.httpPort());
    HttpResponse<String> board = http.get("/api/leaderboards/arena?limit=10");
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.headers().firstValue("Cache-Control")).hasValue("public, max-age=5");
    JsonObject json = new JsonObject(board.body());
    assertThat(json.getString("mode")).isEqualTo("arena");
    assertThat(json.getInteger("total")).isEqualTo(2);
    List<Integer> ratings = new ArrayList<>();
    json.getJsonArray("entries").forEach(entry -> ratings.add(((JsonObject) entry).getInteger("rating")));
    assertThat(ratings).containsExactlyElementsOf(end.getStandingsList().stream().map(Standing::getRatingAfter)
        .sorted(java.util.Comparator.reverseOrder()).toList());
    assertThat(json.getJsonArray("entries").getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("rank", "playerId", "name", "rating", "matches", "wins");
    assertThat(http.get("/api/leaderboards/chess").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/leaderboards/arena?limit=0").statusCode()).isEqualTo(400);
    assertThat(http.get("/api/leaderboards/arena?offset=-1").statusCode()).isEqualTo(400);
  }

  @Test
  void anAddressThatAsksTooOftenIsToldToSlowDown(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, config -> config);
    Http http = new Http(node.httpPort());
    List<HttpResponse<String>> answers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      answers.add(http.get("/api/leaderboards/arena"));
    }
    // A burst of 20 is allowed, refilled at 5 a second: 40 requests in well under a second overflow it.
    assertThat(answers.subList(0, 20)).extracting(HttpResponse::statusCode).containsOnly(200);
    HttpResponse<String> refused = answers.stream().filter(a -> a.statusCode() == 429).findFirst().orElseThrow();
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(new JsonObject(refused.body()).getString("error")).contains("too many");
  }

  private static Standing standingOf(MatchEnd end, String playerId) {
    return end.getStandingsList().stream().filter(s -> s.getPlayerId().equals(playerId)).findFirst().orElseThrow();
  }
}
