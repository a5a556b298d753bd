package dev.playfield.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static Vertx vertx;

  @TempDir
  Path dir;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void withoutFileOrVariablesTheBuiltInDefaultsApply() throws Exception {
    PlayfieldConfig config = load(Map.of());

    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.httpHost()).isEqualTo("0.0.0.0");
    assertThat(config.modes()).containsKey("arena");
    ModeConfig arena = config.modes().get("arena");
    assertThat(arena.queue().matchSize()).isEqualTo(8);
    assertThat(arena.tickRate()).isEqualTo(20);
    assertThat(arena.settings()).containsEntry("score-limit", 25);
  }

  @Test
  void anEnvironmentVariableOverridesTheDefault() throws Exception {
    PlayfieldConfig config = load(Map.of("PLAYFIELD_HTTP_PORT", "9999"));

    assertThat(config.httpPort()).isEqualTo(9999);
  }

  @Test
  void aConfigFileOverridesOnlyTheKeysItSets() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(file, "http:\n  port: 7777\nmodes:\n  arena:\n    tick-rate: 30\n");

    PlayfieldConfig config = load(Map.of("PLAYFIELD_CONFIG", file.toString()));

    assertThat(config.httpPort()).isEqualTo(7777);
    assertThat(config.httpHost()).as("a sibling key the file does not set").isEqualTo("0.0.0.0");
    assertThat(config.modes().get("arena").tickRate()).isEqualTo(30);
    assertThat(config.modes().get("arena").queue().matchSize()).isEqualTo(8);
    assertThat(config.matchmaking().kFactor()).isEqualTo(32);
  }

  @Test
  void anEnvironmentVariableOverridesTheConfigFile() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(file, "http:\n  port: 7777\n");

    PlayfieldConfig config = load(Map.of("PLAYFIELD_CONFIG", file.toString(), "PLAYFIELD_HTTP_PORT", "9999"));

    assertThat(config.httpPort()).isEqualTo(9999);
  }

  @Test
  void anExplicitlyNamedConfigFileThatIsMissingFailsTheLoad() {
    Path missing = dir.resolve("does-not-exist.yaml");

    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_CONFIG", missing.toString())))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .hasMessageContaining("does-not-exist.yaml");
  }

  @Test
  void anOutOfRangeValueInTheFileFailsTheLoadNamingTheKey() throws Exception {
    Path file = dir.resolve("node.yaml");
    Files.writeString(file, "modes:\n  arena:\n    tick-rate: 0\n");

    assertThatThrownBy(() -> load(Map.of("PLAYFIELD_CONFIG", file.toString())))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modes.arena.tick-rate");
  }

  private static PlayfieldConfig load(Map<String, String> env) throws Exception {
    Future<PlayfieldConfig> loading = ConfigLoader.load(vertx, env);
    return loading.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }
}
