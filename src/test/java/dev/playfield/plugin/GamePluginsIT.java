package dev.playfield.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.support.GameJars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged node, started as an operator would, refuses to start on a bad plug-in and says which. */
class GamePluginsIT {

  @TempDir
  Path dir;

  @Test
  void aNodeWithABrokenGameJarExitsWithAMessageNamingTheJar() throws Exception {
    Path games = Files.createDirectories(dir.resolve("games"));
    GameJars.testGame(games, "good.jar", "good", "test.good");
    Files.write(games.resolve("truncated.jar"), new byte[] {'P', 'K', 3, 4, 0, 0});

    Result result = run(games);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("Playfield could not start")
        .contains("game jar " + games.resolve("truncated.jar")).contains("not a readable jar");
  }

  @Test
  void aNodeWithTwoGamesOfOneNameExitsNamingBoth() throws Exception {
    Path games = Files.createDirectories(dir.resolve("games"));
    GameJars.testGame(games, "one.jar", "twin", "test.one");
    GameJars.testGame(games, "two.jar", "twin", "test.two");

    Result result = run(games);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output()).contains("two games are named 'twin'")
        .contains(games.resolve("one.jar").toString()).contains(games.resolve("two.jar").toString());
  }

  private record Result(int exitCode, String output) {}

  private Result run(Path games) throws IOException, InterruptedException {
    Path log = dir.resolve("node.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of(System.getProperty("playfield.jar", "target/playfield.jar")).toAbsolutePath().toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("PLAYFIELD_GAMES_DIR", games.toString());
    builder.environment().put("PLAYFIELD_HTTP_PORT", "0");
    Process node = builder.start();
    if (!node.waitFor(60, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("the node did not stop within 60 s: " + Files.readString(log));
    }
    return new Result(node.exitValue(), Files.readString(log));
  }
}
