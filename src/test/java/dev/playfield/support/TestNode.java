package dev.playfield.support;

import dev.playfield.PlayfieldNode;
import dev.playfield.config.ConfigLoader;
import dev.playfield.config.PlayfieldConfig;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Starts a real node on a free port, configured from the defaults plus a test's changes. */
public final class TestNode {

  public static final String TEST_SECRET = "test-secret-test-secret-test-secret-0123";

  private TestNode() {}

  /** The default configuration with an ephemeral port, a known token secret and quick matches. */
  public static PlayfieldConfig quickConfig(Vertx vertx) {
    return ConfigLoader.load(vertx, Map.of()).await()
        // Tests keep their players in memory; the store tests and the restart ones choose a database.
        .with("database.in-memory", true)
        .with("http.port", 0)
        .with("http.host", "127.0.0.1")
        .with("auth.token-secret", TEST_SECRET)
        .with("matchmaking.interval-ms", 20)
        .with("modes.arena.match-size", 2)
        .with("modes.arena.min-players", 2)
        .with("modes.arena.countdown-ms", 100)
        .with("modes.arena.settings.match-seconds", 2);
  }

  public static PlayfieldNode start(Vertx vertx, UnaryOperator<PlayfieldConfig> changes) {
    return new PlayfieldNode(vertx, changes.apply(quickConfig(vertx))).start().await();
  }
}
