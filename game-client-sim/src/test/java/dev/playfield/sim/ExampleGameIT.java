package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.TypeRegistry;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.Standing;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;

/**
 * The simulator plays a game it knows only from the game's jar: a real node in its own process
 * loads the example game Liar's Dice from its games folder, and the simulator loads the bots from
 * the same jar. Whole matches are played in both encodings, and two players on raw WebSockets
 * show that each player's states carry that player's dice and nobody else's until a challenge
 * lifts every cup.
 */
class ExampleGameIT {

  private static final String GAME = "liars-dice";
  private static final Path EXAMPLE_JAR = Path.of(System.getProperty("liars-dice.jar",
      "../examples/liars-dice/target/liars-dice.jar"));
  /**
   * Short matches: two dice each, a short pause after each round, a quick fill of the queue. The
   * file replaces the node's config/playfield.yaml; the built-in defaults stay under it.
   */
  private static final String CONFIG = """
      modes:
        liars-dice:
          fill-timeout-ms: 300
          countdown-ms: 200
          settings:
            dice-per-player: 2
            reveal-seconds: 0.3
            turn-seconds: 5
      """;

  @TempDir
  static Path work;
  private static Path games;
  private static PlayfieldProcess node;
  private static PlayableGame liarsDice;

  @BeforeAll
  static void startNodeWithTheExampleGame() throws Exception {
    if (!Files.isRegularFile(EXAMPLE_JAR)) {
      return; // each test is then skipped, saying why (an assumption here would hide the count)
    }
    games = Files.createDirectories(work.resolve("games"));
    Files.copy(EXAMPLE_JAR, games.resolve(EXAMPLE_JAR.getFileName()));
    Path config = Files.writeString(work.resolve("playfield.yaml"), CONFIG);
    node = PlayfieldProcess.start(Map.of("PLAYFIELD_GAMES_DIR", games.toString(), "PLAYFIELD_CONFIG", config.toString()));
    liarsDice = PlayableGames.load(Optional.of(games)).game(GAME);
  }

  @BeforeEach
  void needsTheExampleGame() {
    assumeTrue(node != null, "skipped: the example game's jar " + EXAMPLE_JAR.toAbsolutePath()
        + " is not built (mvn -B verify in examples/liars-dice builds it)");
  }

  @AfterAll
  static void stopNode() throws Exception {
    if (node != null) {
      node.closeAssertingACleanLog();
    }
  }

  @Test
  void theNodeListsLiarsDiceNextToArena() throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(node.httpBase() + "/api/modes")).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Map<String, JsonObject> modes = new HashMap<>();
    new JsonObject(response.body()).getJsonArray("modes").forEach(m -> modes.put(((JsonObject) m).getString("name"),
        (JsonObject) m));
    assertThat(modes).as(response.body()).containsKeys("arena", GAME);
    JsonObject mode = modes.get(GAME);
    assertThat(mode.getString("game")).isEqualTo(GAME);
    assertThat(mode.getString("stateStream")).isEqualTo("ON_CHANGE").isEqualTo(liarsDice.stateStream().name());
    assertThat(mode.getInteger("matchSize")).isEqualTo(6);
    assertThat(mode.getInteger("minPlayers")).isEqualTo(2);
    assertThat(modes.get("arena").getString("stateStream")).isEqualTo("EVERY_TICK");
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void theSimulatorsBotsPlayWholeMatchesFromTheCommandLine(Encoding encoding) throws Exception {
    Path report = work.resolve("liars-dice-" + encoding + ".json");
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int status;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      status = new CommandLine(new SimulatorCommand()).execute("--url", node.url(), "--games-dir", games.toString(),
          "--game", GAME, "--bots", "12", "--duration", "25s", "--encoding", encoding.name().toLowerCase(),
          "--seed", "11", "--report", report.toString(), "--quiet");
    } finally {
      System.setOut(original);
    }
    String summary = stdout.toString(StandardCharsets.UTF_8);
    System.out.print(summary); // into the test's output file, for whoever reads the numbers
    assertThat(status).as(summary + node.log()).isZero();
    JsonObject json = new JsonObject(Files.readString(report));
    assertThat(json.getString("mode")).as("the game's name is the default mode").isEqualTo(GAME);
    assertThat(json.getString("behavior")).as("the game's first behaviour is the default").isEqualTo("cautious");
    assertThat(json.getLong("matches_completed")).as(summary).isGreaterThanOrEqualTo(2);
    assertThat(json.getLong("matches_aborted")).as(summary).isZero();
    assertThat(json.getLong("matches_given_up")).as("a turn-based room is silent between moves; no stall").isZero();
    assertThat(json.getJsonObject("errors").isEmpty()).as(summary).isTrue();
    assertThat(json.getLong("disconnects")).as(summary).isZero();
    assertThat(json.getLong("undecodable_frames")).as(summary).isZero();
    assertThat(json.getLong("inputs_sent")).as(summary).isPositive();
    assertThat(json.getLong("acks_received")).as("every applied move is acknowledged by a state").isPositive();
    assertThat(json.getJsonObject("room_pause_ms").getLong("count")).as("silence is no pause in a turn-based game")
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(Encoding.class)
  void eachPlayerSeesOnlyItsOwnDiceUntilAChallengeLiftsEveryCup(Encoding encoding) throws Exception {
    Descriptor stateType = stateType();
    TypeRegistry types = TypeRegistry.newBuilder().add(liarsDice.messageTypes()).build();
    Vertx vertx = Vertx.vertx();
    try (RawPlayer first = new RawPlayer(encoding, types, liarsDice.bots().create("cautious", 1));
        RawPlayer second = new RawPlayer(encoding, types, liarsDice.bots().create("bluffer", 2))) {
      WebSocketClient client = vertx.createWebSocketClient();
      first.queue(client, node.url(), "first", GAME);
      second.queue(client, node.url(), "second", GAME);
      MatchFound found = first.matchFound(20);
      assertThat(second.matchFound(20).getRoomId()).as("the two are matched together").isEqualTo(found.getRoomId());
      assertThat(found.getPlayersCount()).isEqualTo(2);
      MatchEnd end = first.matchEnd(60);
      second.matchEnd(10);

      Map<Integer, Map<Integer, List<Integer>>> ownDiceBySlotAndRound = new HashMap<>();
      List<DiceView> reveals = new ArrayList<>();
      for (RawPlayer player : List.of(first, second)) {
        List<DiceView> views = views(player, encoding, stateType);
        assertThat(views).as("states of the whole match").isNotEmpty();
        for (DiceView view : views) {
          assertThat(view.you()).as("a state for its recipient").isEqualTo(player.slot());
          if (view.bidding()) {
            assertThat(view.hands()).as("no cup but one's own while the round is played: " + view).isEmpty();
            List<Integer> before = ownDiceBySlotAndRound.computeIfAbsent(player.slot(), s -> new HashMap<>())
                .putIfAbsent(view.round(), view.yourDice());
            assertThat(before == null || before.equals(view.yourDice())).as("one cup per round: " + view).isTrue();
          }
          if (!view.hands().isEmpty()) {
            assertThat(view.roundEndCause()).as("cups are lifted by a challenge only: " + view).isEqualTo(DiceView.CHALLENGE);
            reveals.add(view);
          }
        }
        assertThat(player.errors()).as("no error for " + player.slot()).isEmpty();
      }
      assertThat(reveals).as("at least one challenge, or the check proves nothing").isNotEmpty();
      for (DiceView reveal : reveals) {
        reveal.hands().forEach((slot, dice) -> assertThat(dice).as("the cup lifted in round " + reveal.round()
                + " is the one its owner alone was shown")
            .isEqualTo(ownDiceBySlotAndRound.get(slot).get(reveal.round())));
      }

      assertThat(end.getRoomId()).isEqualTo(found.getRoomId());
      assertThat(end.getStandingsList()).extracting(Standing::getRank).containsExactly(1, 2);
      List<DiceView> firstViews = views(first, encoding, stateType);
      DiceView last = firstViews.get(firstViews.size() - 1);
      assertThat(last.stage()).isEqualTo(DiceView.GAME_OVER);
      assertThat(end.getStandings(0).getPlayerId()).as("the winner the game named ranks first")
          .isEqualTo(first.playerIn(last.winner()));
      assertThat(end.getStandingsList()).extracting(Standing::getPlayerId)
          .containsExactlyInAnyOrder(first.playerIn(0), first.playerIn(1));
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** Every state one player got, read off the frame in its own encoding. */
  private static List<DiceView> views(RawPlayer player, Encoding encoding, Descriptor stateType) throws Exception {
    List<DiceView> views = new ArrayList<>();
    for (RawPlayer.Frame frame : player.states()) {
      if (!frame.message().getState().hasGame()) {
        continue;
      }
      views.add(encoding == Encoding.JSON
          ? DiceView.fromJson(new JsonObject(frame.text()).getJsonObject("state").getJsonObject("game"))
          : DiceView.fromBinary(stateType, ServerMessage.parseFrom(frame.bytes()).getState().getGame()));
    }
    return views;
  }

  /** The game's state type, as the game's own GameType in the jar names it. */
  private static Descriptor stateType() {
    return liarsDice.messageTypes().stream().filter(d -> d.getName().equals("LiarsDiceState")).findFirst()
        .orElseThrow(() -> new AssertionError("no LiarsDiceState among " + liarsDice.messageTypes()));
  }
}
