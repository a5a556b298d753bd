package dev.playfield.examples.liarsdice.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.playfield.examples.liarsdice.bot.LiarsDiceBots;
import dev.playfield.examples.liarsdice.proto.Hand;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.bot.BotPlayer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The game on a real node, built from this repository's server jar: the node loads the plug-in,
 * lists its mode, serves its page, and two JSON clients (a bot's brain each) play a match to its
 * end over WebSocket. On the wire, every state a player gets says something new, holds their own
 * dice only, and the reveal shows the very dice each player was shown.
 *
 * <p>Skipped when the server jar is missing (build it with {@code mvn -B -q install -DskipTests}
 * at the repository root, or name another with {@code -Dplayfield.jar=}).
 */
class LiarsDiceNodeIT {

  private static final String CONFIG = """
      modes:
        liars-dice:
          match-size: 2
          countdown-ms: 500
          settings:
            dice-per-player: 2
            turn-seconds: 5
            reveal-seconds: 0.5
      """;
  private static final Duration MATCH_LIMIT = Duration.ofSeconds(60);

  /** One player of the match: their connection, their bot, and what they were sent. */
  private static final class Seat {
    final String name;
    final JsonPlayer client;
    final BotPlayer bot;
    final List<Struct> states = new ArrayList<>();
    final Map<Integer, List<Integer>> diceByRound = new HashMap<>();
    Struct matchEnd;
    int seq;

    Seat(String name, JsonPlayer client, BotPlayer bot) {
      this.name = name;
      this.client = client;
      this.bot = bot;
    }
  }

  private static NodeProcess node;

  @BeforeAll
  static void startNode() throws Exception {
    Path serverJar = Path.of(System.getProperty("playfield.jar", ""));
    assumeTrue(Files.isRegularFile(serverJar), "no server jar at " + serverJar.toAbsolutePath());
    Path gameJar = Path.of(System.getProperty("liars-dice.jar", "target/liars-dice.jar"));
    node = NodeProcess.start(serverJar, gameJar, CONFIG);
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void theNodeListsTheModeAndServesThePage() throws Exception {
    assertThat(get("/api/modes")).contains("\"name\":\"liars-dice\"").contains("\"stateStream\":\"ON_CHANGE\"")
        .contains("\"page\":\"/games/liars-dice/?mode=liars-dice\"");
    assertThat(get("/games/liars-dice/")).contains("<title>Playfield · Liar's Dice</title>");
    assertThat(get("/games/liars-dice/liars-dice.js")).contains("playfield.liarsdice.LiarsDiceInput");
    assertThat(get("/games/liars-dice/liars-dice.css")).contains(".die");
  }

  @Test
  void twoClientsPlayAMatchToTheEndOnARealNode() throws Exception {
    try (JsonPlayer annClient = JsonPlayer.connect(node.port()); JsonPlayer bobClient = JsonPlayer.connect(node.port())) {
      LiarsDiceBots bots = new LiarsDiceBots();
      List<Seat> seats = List.of(
          new Seat("ann", annClient, bots.create("cautious", 1)),
          new Seat("bob", bobClient, bots.create("bluffer", 2)));
      String roomId = seatTogether(seats);

      play(seats);

      for (Seat seat : seats) {
        assertThat(seat.matchEnd).as(seat.name + "'s matchEnd").isNotNull();
        assertThat(JsonPlayer.text(seat.matchEnd, "roomId")).isEqualTo(roomId);
        assertThat(JsonPlayer.list(seat.matchEnd, "standings")).extracting(s -> rank(s)).containsExactly(1, 2);
        assertThat(seat.states).hasSizeGreaterThan(3);
        assertEveryStateSaysSomethingNew(seat);
      }
      LiarsDiceState last = state(seats.get(0).states.get(seats.get(0).states.size() - 1));
      assertThat(last.getStage()).isEqualTo(Stage.STAGE_GAME_OVER);
      String winnerName = JsonPlayer.text(JsonPlayer.list(seats.get(0).matchEnd, "standings").get(0).getStructValue(), "name");
      assertThat(winnerName).isEqualTo(seats.get(last.getWinner()).name);
      assertRevealsShowWhatEachWasShown(seats);
    }
  }

  /**
   * Regression: a leave that left one player ended the game between two ticks, the room ticked it
   * again, and the game's refusal to tick after its end kept the match from ever ending.
   */
  @Test
  void whenOnePlayerLeavesTheOtherWinsAtOnce() throws Exception {
    try (JsonPlayer carlClient = JsonPlayer.connect(node.port()); JsonPlayer dinaClient = JsonPlayer.connect(node.port())) {
      LiarsDiceBots bots = new LiarsDiceBots();
      List<Seat> seats = List.of(
          new Seat("carl", carlClient, bots.create("cautious", 3)), new Seat("dina", dinaClient, bots.create("cautious", 4)));
      seatTogether(seats);
      carlClient.await("state", 10_000);

      dinaClient.request("\"leaveMatch\":{}");
      dinaClient.await("matchLeft", 10_000);

      Struct end = carlClient.await("matchEnd", 10_000);
      List<Value> standings = JsonPlayer.list(end, "standings");
      assertThat(standings).extracting(s -> JsonPlayer.text(s.getStructValue(), "name")).containsExactly("carl", "dina");
      assertThat(standings.get(1).getStructValue().getFieldsOrThrow("left").getBoolValue()).isTrue();
    }
  }

  /** Logs the players in, queues them, and returns the room the matchmaker seats them in. */
  private static String seatTogether(List<Seat> seats) throws InterruptedException {
    for (Seat seat : seats) {
      seat.client.request("\"login\":{\"name\":\"" + seat.name + "\"}");
      seat.client.await("loginOk", 10_000);
      seat.client.request("\"joinQueue\":{\"mode\":\"liars-dice\"}");
      seat.client.await("queued", 10_000);
    }
    String roomId = null;
    for (Seat seat : seats) {
      Struct found = seat.client.await("matchFound", 20_000);
      assertThat(roomId == null || roomId.equals(JsonPlayer.text(found, "roomId"))).as("one room for both").isTrue();
      roomId = JsonPlayer.text(found, "roomId");
      seat.bot.matchStarted(0, seats.size());
    }
    return roomId;
  }

  private static void play(List<Seat> seats) throws Exception {
    long deadline = System.nanoTime() + MATCH_LIMIT.toNanos();
    while (seats.stream().anyMatch(seat -> seat.matchEnd == null)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the match did not end within " + MATCH_LIMIT + "; node log:\n" + node.log());
      }
      for (Seat seat : seats) {
        for (Struct message = seat.client.poll(10); message != null; message = seat.client.poll(0)) {
          receive(seat, message);
        }
        var input = seat.bot.nextInput(System.nanoTime());
        if (input.isPresent() && seat.matchEnd == null) {
          seat.client.sendInput(++seat.seq, input.get());
        }
      }
    }
  }

  private static void receive(Seat seat, Struct message) throws Exception {
    assertThat(message.containsFields("error")).as("%s got %s", seat.name, message).isFalse();
    if (message.containsFields("matchEnd")) {
      seat.matchEnd = message.getFieldsOrThrow("matchEnd").getStructValue();
    }
    if (!message.containsFields("state")) {
      return;
    }
    Struct state = message.getFieldsOrThrow("state").getStructValue();
    seat.states.add(state);
    Any game = JsonPlayer.game(state);
    LiarsDiceState view = game.unpack(LiarsDiceState.class);
    assertThat(view.getYourDiceCount()).isEqualTo(view.getPlayers(view.getYou()).getDice());
    if (view.getRoundEnd().getHandsCount() > 0) {
      assertThat(view.getStage()).isIn(Stage.STAGE_ROUND_OVER, Stage.STAGE_GAME_OVER);
      assertThat(view.getRoundEnd().getCause()).isEqualTo(RoundEndCause.ROUND_END_CAUSE_CHALLENGE);
    }
    if (view.getStage() == Stage.STAGE_BIDDING) {
      seat.diceByRound.put(view.getRound(), view.getYourDiceList());
    }
    seat.bot.observe(game);
  }

  /** ON_CHANGE: no state repeats the one before it in view, acknowledged input and phase. */
  private static void assertEveryStateSaysSomethingNew(Seat seat) {
    for (int i = 1; i < seat.states.size(); i++) {
      Struct before = seat.states.get(i - 1);
      Struct after = seat.states.get(i);
      boolean same = before.getFieldsOrThrow("game").equals(after.getFieldsOrThrow("game"))
          && JsonPlayer.text(before, "lastInputSeq").equals(JsonPlayer.text(after, "lastInputSeq"))
          && JsonPlayer.text(before, "phase").equals(JsonPlayer.text(after, "phase"));
      assertThat(same).as("%s's state %d repeats the one before", seat.name, i).isFalse();
    }
  }

  /** Every challenge lifted the cups each player had been shown in that round, and nothing else. */
  private static void assertRevealsShowWhatEachWasShown(List<Seat> seats) throws Exception {
    int reveals = 0;
    for (Struct state : seats.get(0).states) {
      LiarsDiceState view = state(state);
      if (view.getRoundEnd().getHandsCount() == 0) {
        continue;
      }
      reveals++;
      for (Hand hand : view.getRoundEnd().getHandsList()) {
        List<Integer> shown = seats.get(hand.getSlot()).diceByRound.get(view.getRoundEnd().getRound());
        if (shown != null) {
          assertThat(hand.getDiceList()).isEqualTo(shown);
        }
      }
    }
    assertThat(reveals).as("reveals ann saw (bots end rounds by calling liar)").isPositive();
  }

  private static LiarsDiceState state(Struct state) throws Exception {
    return JsonPlayer.game(state).unpack(LiarsDiceState.class);
  }

  private static int rank(Value standing) {
    return (int) standing.getStructValue().getFieldsOrThrow("rank").getNumberValue();
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
    return response.body();
  }
}
