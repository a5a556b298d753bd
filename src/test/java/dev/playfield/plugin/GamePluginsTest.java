package dev.playfield.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.config.ConfigLoader;
import dev.playfield.config.ModeConfig;
import dev.playfield.config.PlayfieldConfig;
import dev.playfield.game.StateStream;
import dev.playfield.support.GameJars;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Games load from the games folder the way a node starts (the configuration names the folder), and
 * every way a plug-in can be wrong stops the start with a message that names the jar or the key.
 */
class GamePluginsTest {

  private static Vertx vertx;

  @TempDir
  Path games;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  @Test
  void aJarInTheGamesFolderAddsItsGameAndItsModeNextToArena() throws Exception {
    GameJars.testGame(games, "cards.jar", "cards", "test.cards");

    PlayfieldConfig config = load(Map.of());

    assertThat(config.games().find("cards")).isPresent();
    assertThat(config.games().find("cards").orElseThrow().getClass().getClassLoader())
        .as("the game's classes come from its jar, not the node's class path")
        .isNotSameAs(GamePlugins.class.getClassLoader());
    assertThat(config.games().find("cards").orElseThrow().stateStream()).isEqualTo(StateStream.ON_CHANGE);
    assertThat(config.modes().keySet()).containsExactly("arena", "cards");
    ModeConfig cards = config.modes().get("cards");
    assertThat(cards.game()).isEqualTo("cards");
    assertThat(cards.queue().matchSize()).isEqualTo(2);
    assertThat(cards.tickRate()).isEqualTo(20);
    assertThat(cards.countdownMs()).as("from mode-defaults").isEqualTo(1500);
    assertThat(config.games().describe()).contains("cards (" + games.resolve("cards.jar") + ")");
  }

  @Test
  void theEnvironmentOverridesAGamesOwnMode() throws Exception {
    GameJars.testGame(games, "cards.jar", "cards", "test.cards");

    PlayfieldConfig config = load(Map.of("PLAYFIELD_MODES_CARDS_MATCH_SIZE", "4",
        "PLAYFIELD_MODES_ARENA_TICK_RATE", "30"));

    assertThat(config.modes().get("cards").queue().matchSize()).isEqualTo(4);
    assertThat(config.modes().get("arena").tickRate()).isEqualTo(30);
    assertThat(config.modes().get("arena").queue().matchSize()).as("the rest stays the game's").isEqualTo(8);
  }

  @Test
  void anAbsentGamesFolderLeavesTheBuiltInGames() throws Exception {
    PlayfieldConfig config = load(Map.of("PLAYFIELD_GAMES_DIR", games.resolve("nothing-here").toString()));

    assertThat(config.modes().keySet()).containsExactly("arena");
  }

  @Test
  void aJarThatIsNotAJarStopsTheStartNamingIt() throws Exception {
    Files.write(games.resolve("garbage.jar"), new byte[] {1, 2, 3, 4, 5});

    assertThatThrownBy(() -> load(Map.of()))
        .hasMessageContaining("game jar " + games.resolve("garbage.jar"))
        .hasMessageContaining("not a readable jar");
  }

  @Test
  void aJarThatNamesNoGameStopsTheStartNamingIt() throws Exception {
    GameJars.jar(games, "empty.jar", "nowhere.Missing", Map.of("x/Empty.java", "package x; public class Empty {}"),
        Map.of());

    assertThatThrownBy(() -> load(Map.of()))
        .hasMessageContaining("game jar " + games.resolve("empty.jar"))
        .hasMessageContaining("does not load");
  }

  @Test
  void aGameThatThrowsWhenMadeStopsTheStartNamingItsJar() throws Exception {
    GameJars.brokenGame(games, "broken.jar", "test.broken");

    assertThatThrownBy(() -> load(Map.of()))
        .hasMessageContaining("game jar " + games.resolve("broken.jar"))
        .hasMessageContaining("cannot start");
  }

  @Test
  void aGameWhosePageIsNotInItsJarStopsTheStartNamingIt() throws Exception {
    Path jar = GameJars.testGame(games, "pageless.jar", "pageless", "test.pageless");
    GameJars.withoutEntry(jar, "web/index.html");

    assertThatThrownBy(() -> load(Map.of()))
        .hasMessageContaining("game 'pageless' (" + jar + "): its page has no web/index.html");
  }

  @Test
  void twoGamesOfOneNameStopTheStartNamingBothJars() throws Exception {
    GameJars.testGame(games, "a.jar", "cards", "test.a");
    GameJars.testGame(games, "b.jar", "cards", "test.b");

    assertThatThrownBy(() -> load(Map.of()))
        .hasMessageContaining("two games are named 'cards'")
        .hasMessageContaining(games.resolve("a.jar").toString())
        .hasMessageContaining(games.resolve("b.jar").toString());
  }

  @Test
  void aGameNamedLikeTheBuiltInOneStopsTheStart() throws Exception {
    GameJars.testGame(games, "fake-arena.jar", "arena", "test.fake");

    assertThatThrownBy(() -> load(Map.of()))
        .hasMessageContaining("two games are named 'arena'")
        .hasMessageContaining("class path")
        .hasMessageContaining(games.resolve("fake-arena.jar").toString());
  }

  @Test
  void aModeNamingAMissingGameStopsTheStartNamingTheKey() throws Exception {
    Path file = games.resolve("node.yaml");
    Files.writeString(file, "modes:\n  poker:\n    game: poker\n    match-size: 4\n    min-players: 2\n    tick-rate: 10\n");

    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_CONFIG", file.toString())))
        .hasMessageContaining("modes.poker.game: no game named 'poker'")
        .hasMessageContaining("arena (class path)");
  }

  private PlayfieldConfig load(Map<String, String> env) {
    Map<String, String> withDir = new HashMap<>(env);
    withDir.putIfAbsent("PLAYFIELD_GAMES_DIR", games.toString());
    return ConfigLoader.load(vertx, withDir).await();
  }
}
