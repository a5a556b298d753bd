package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.StringValue;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.game.StateStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bots found through ServiceLoader: arena's on the class path, a game's in its own jar. */
class PlayableGamesTest {

  @TempDir
  Path work;

  @Test
  void arenaIsOnTheClassPathWithItsBehavioursAndItsStatesEveryTick() {
    PlayableGame arena = PlayableGames.load(Optional.empty()).game("arena");
    assertThat(arena.source()).isEqualTo(PlayableGames.CLASS_PATH);
    assertThat(arena.bots().behaviours()).containsExactly("random-walk", "chase");
    assertThat(arena.stateStream()).isEqualTo(StateStream.EVERY_TICK);
    assertThat(arena.messageTypes()).extracting(Descriptor::getFullName)
        .contains(ArenaInput.getDescriptor().getFullName(), ArenaState.getDescriptor().getFullName());
  }

  @Test
  void aGameJarsBotsLoadInTheirOwnClassLoaderWithTheWireOfTheJarsGame() throws Exception {
    Path jar = GameJars.echoGameJar(work, "games/echo.jar");
    PlayableGames games = PlayableGames.load(Optional.of(jar.getParent()));
    PlayableGame echo = games.game("echo");
    assertThat(echo.source()).isEqualTo(jar.toString());
    assertThat(echo.bots().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());
    assertThat(echo.bots().getClass().getClassLoader().getParent()).isSameAs(PlayableGames.class.getClassLoader());
    assertThat(echo.behaviour(null)).isEqualTo("shout");
    assertThat(echo.stateStream()).as("the jar's GameType says so").isEqualTo(StateStream.ON_CHANGE);
    assertThat(echo.statesEveryTick()).isFalse();
    assertThat(echo.messageTypes()).extracting(Descriptor::getFullName).contains(StringValue.getDescriptor().getFullName());
    assertThat(games.describe()).isEqualTo("arena (class path), echo (" + jar + ")");
  }

  @Test
  void botsWithoutTheirGameTypeHaveNoMessageTypesAndAreNotTakenForEveryTick() throws Exception {
    Path jar = GameJars.echoJar(work, "games/bots-only.jar", Map.of(GameJars.BOTS_SERVICE, "echo.EchoBots\n"));
    PlayableGame echo = PlayableGames.load(Optional.of(jar.getParent())).game("echo");
    assertThat(echo.messageTypes()).isEmpty();
    assertThat(echo.statesEveryTick()).isFalse();
  }

  @Test
  void aJarThatNamesNoBotsIsRefusedByName() throws Exception {
    Path jar = GameJars.echoJar(work, "games/game-only.jar", Map.of(GameJars.GAME_SERVICE, "echo.EchoGame\n"));
    assertThatThrownBy(() -> PlayableGames.load(Optional.of(jar.getParent())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(jar.toString()).hasMessageContaining("names no bots")
        .hasMessageContaining(GameJars.BOTS_SERVICE);
  }

  @Test
  void aJarWhoseBotsDoNotLoadIsRefusedByName() throws Exception {
    Path jar = GameJars.echoJar(work, "games/typo.jar", Map.of(GameJars.BOTS_SERVICE, "echo.EchoBotz\n"));
    assertThatThrownBy(() -> PlayableGames.load(Optional.of(jar.getParent())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(jar.toString()).hasMessageContaining("do not load").hasMessageContaining("echo.EchoBotz");
  }

  @Test
  void aFileThatIsNoJarIsRefusedByName() throws Exception {
    Path games = Files.createDirectories(work.resolve("games"));
    Path broken = GameJars.notAJar(games, "broken.jar");
    assertThatThrownBy(() -> PlayableGames.load(Optional.of(games)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(broken.toString()).hasMessageContaining("not a readable jar");
  }

  @Test
  void twoJarsWithBotsForOneGameAreRefused() throws Exception {
    Path first = GameJars.echoGameJar(work, "games/echo-1.jar");
    Path second = GameJars.echoGameJar(work, "games/echo-2.jar");
    assertThatThrownBy(() -> PlayableGames.load(Optional.of(first.getParent())))
        .hasMessageContaining("'echo' found twice").hasMessageContaining(first.toString())
        .hasMessageContaining(second.toString());
  }

  @Test
  void aGamesDirThatIsNoFolderIsRefused() {
    Path missing = work.resolve("nowhere");
    assertThatThrownBy(() -> PlayableGames.load(Optional.of(missing)))
        .hasMessageContaining("--games-dir").hasMessageContaining(missing.toString());
  }

  @Test
  void theCommandExitsWith2AndNamesTheJarThatDoesNotLoad() throws Exception {
    Path jar = GameJars.echoJar(work, "games/typo.jar", Map.of(GameJars.BOTS_SERVICE, "echo.EchoBotz\n"));
    CommandOutcome outcome = execute("--games-dir", jar.getParent().toString(), "--game", "echo", "--duration", "1s");
    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stderr()).contains(jar.toString()).contains("do not load");
  }

  @Test
  void theCommandRefusesJsonForAGameWhoseMessageTypesAreUnknown() throws Exception {
    Path jar = GameJars.echoJar(work, "games/bots-only.jar", Map.of(GameJars.BOTS_SERVICE, "echo.EchoBots\n"));
    CommandOutcome outcome = execute("--games-dir", jar.getParent().toString(), "--game", "echo",
        "--encoding", "json", "--duration", "1s");
    assertThat(outcome.status()).isEqualTo(2);
    assertThat(outcome.stderr()).contains("--encoding json").contains("'echo'").contains(jar.toString());
  }

  private record CommandOutcome(int status, String stderr) {}

  private static CommandOutcome execute(String... args) {
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    try {
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      int status = new CommandLine(new SimulatorCommand()).execute(args);
      return new CommandOutcome(status, stderr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(original);
    }
  }
}
