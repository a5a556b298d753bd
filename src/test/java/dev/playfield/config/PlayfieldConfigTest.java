package dev.playfield.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Validation of the layered JSON, starting from the real built-in defaults. */
class PlayfieldConfigTest {

  private static PlayfieldConfig defaults;

  @BeforeAll
  static void loadDefaults() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      defaults = ConfigLoader.load(vertx, Map.of()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
      "modes.arena.tick-rate, 0",
      "modes.arena.tick-rate, 241",
      "modes.arena.match-size, 0",
      "modes.arena.state-every-ticks, 0",
      "modes.arena.input-queue-size, 0",
      "http.port, 65536",
      "http.port, -1",
      "gateway.max-frame-bytes, 63",
      "auth.token-ttl-seconds, 0"
  })
  void anOutOfRangeValueIsRejectedNamingItsKey(String key, int value) {
    assertThatThrownBy(() -> defaults.with(key, value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key)
        .hasMessageContaining(String.valueOf(value));
  }

  @Test
  void aFractionWhereAWholeNumberBelongsIsRejectedNamingItsKey() {
    assertThatThrownBy(() -> defaults.with("modes.arena.tick-rate", 20.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modes.arena.tick-rate");
  }

  @Test
  void textWhereANumberBelongsIsRejectedNamingItsKey() {
    assertThatThrownBy(() -> defaults.with("http.port", "8080"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http.port");
  }

  @Test
  void aMissingSectionIsRejectedNamingIt() {
    JsonObject json = defaults.raw().copy();
    json.remove("gateway");

    assertThatThrownBy(() -> PlayfieldConfig.from(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gateway");
  }

  @Test
  void aConfigurationWithoutModesStillHasEachGamesOwnModes() {
    JsonObject json = defaults.raw().copy().put("modes", new JsonObject());

    PlayfieldConfig config = PlayfieldConfig.from(json);

    assertThat(config.modes().keySet()).containsExactly("arena");
    assertThat(config.modes().get("arena").queue().matchSize()).isEqualTo(8);
    assertThat(config.modes().get("arena").settings()).containsEntry("match-seconds", 60);
  }

  @Test
  void aConfiguredModeOverridesTheGamesKeyByKeyAndAddsModesOfTheSameGame() {
    JsonObject json = defaults.raw().copy().put("modes", new JsonObject()
        .put("arena", new JsonObject().put("match-size", 4).put("settings", new JsonObject().put("speed", 300)))
        .put("arena-duel", new JsonObject().put("game", "arena").put("match-size", 2).put("min-players", 2)
            .put("tick-rate", 30)));

    PlayfieldConfig config = PlayfieldConfig.from(json);

    ModeConfig arena = config.modes().get("arena");
    assertThat(arena.queue().matchSize()).isEqualTo(4);
    assertThat(arena.tickRate()).as("the game's").isEqualTo(20);
    assertThat(arena.settings()).containsEntry("speed", 300).containsEntry("score-limit", 25);
    ModeConfig duel = config.modes().get("arena-duel");
    assertThat(duel.tickRate()).isEqualTo(30);
    assertThat(duel.countdownMs()).as("from mode-defaults").isEqualTo(1500);
    assertThat(duel.settings()).as("a mode of its own takes the settings of its game's first mode")
        .containsEntry("match-seconds", 60).containsEntry("score-limit", 25);
  }

  @Test
  void aModeOfItsOwnNeedsOnlyItsGameAndWhatItChanges() {
    JsonObject json = defaults.raw().copy().put("modes", new JsonObject()
        .put("arena-pair", new JsonObject().put("game", "arena").put("match-size", 2)));

    ModeConfig pair = PlayfieldConfig.from(json).modes().get("arena-pair");

    assertThat(pair.queue().matchSize()).isEqualTo(2);
    assertThat(pair.queue().minPlayers()).as("arena's").isEqualTo(1);
    assertThat(pair.tickRate()).as("arena's").isEqualTo(20);
  }

  @Test
  void aModeOfAMissingGameSaysTheGameIsMissingBeforeAnythingElse() {
    JsonObject json = defaults.raw().copy().put("modes", new JsonObject()
        .put("chess-blitz", new JsonObject().put("game", "chess").put("match-size", 2)));

    assertThatThrownBy(() -> PlayfieldConfig.from(json))
        .hasMessageStartingWith("modes.chess-blitz.game: no game named 'chess'");
  }

  @Test
  void boundaryValuesAreAccepted() {
    PlayfieldConfig config = defaults.with("modes.arena.tick-rate", 240).with("http.port", 0);

    assertThat(config.modes().get("arena").tickRate()).isEqualTo(240);
    assertThat(config.httpPort()).isZero();
  }

  @Test
  void aShortTokenSecretStopsTheNode() throws Exception {
    // The launcher exits on a configuration error, printing this message.
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(() -> ConfigLoader.load(vertx, Map.of("PLAYFIELD_AUTH_TOKEN_SECRET", "x".repeat(31))).await())
          .hasMessageContaining("auth.token-secret")
          .hasMessageContaining("PLAYFIELD_AUTH_TOKEN_SECRET")
          .hasMessageContaining("at least 32 characters, got 31");
    } finally {
      vertx.close().await();
    }
    assertThat(defaults.with("auth.token-secret", "x".repeat(32)).auth().tokenSecret()).hasSize(32);
    assertThat(defaults.auth().tokenSecret()).as("empty: a random one per process").isEmpty();
  }

  @Test
  void accountLoginsDefaultToTheStatedParametersWithIdentityTokensOff() {
    AccountsConfig accounts = defaults.auth().accounts();
    assertThat(accounts.passwordIterations()).isEqualTo(210_000);
    assertThat(accounts.attemptsPerAccount()).isEqualTo(5);
    assertThat(accounts.attemptsPerAddress()).isEqualTo(20);
    assertThat(accounts.oidc().enabled()).isFalse();
  }

  @Test
  void anOidcIssuerWithoutItsAudienceAndKeysIsRejectedNamingThem() {
    Vertx vertx = Vertx.vertx();
    try {
      assertThatThrownBy(() -> ConfigLoader.load(vertx, Map.of("PLAYFIELD_AUTH_OIDC_ISSUER", "https://id.example")).await())
          .hasMessageContaining("auth.oidc.audience")
          .hasMessageContaining("auth.oidc.jwks-url");
      AccountsConfig.Oidc oidc = ConfigLoader.load(vertx, Map.of("PLAYFIELD_AUTH_OIDC_ISSUER", "https://id.example",
          "PLAYFIELD_AUTH_OIDC_AUDIENCE", "game", "PLAYFIELD_AUTH_OIDC_JWKS_URL", "https://id.example/jwks")).await()
          .auth().accounts().oidc();
      assertThat(oidc).isEqualTo(new AccountsConfig.Oidc("https://id.example", "game", "https://id.example/jwks"));
      assertThat(oidc.enabled()).isTrue();
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void minPlayersAboveTheMatchSizeIsRejectedNamingBothKeys() {
    assertThatThrownBy(() -> defaults.with("modes.arena.min-players", 9))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("modes.arena.min-players")
        .hasMessageContaining("match-size (8)");
  }

  @Test
  void withReturnsAChangedCopyAndLeavesTheOriginalAlone() {
    PlayfieldConfig changed = defaults.with("modes.arena.match-size", 2);

    assertThat(changed.modes().get("arena").queue().matchSize()).isEqualTo(2);
    assertThat(defaults.modes().get("arena").queue().matchSize()).isEqualTo(8);
    assertThat(defaults.raw().getJsonObject("modes").getJsonObject("arena").getInteger("match-size")).isEqualTo(8);
  }

  @Test
  void theTickPeriodFollowsFromTheTickRate() {
    assertThat(defaults.with("modes.arena.tick-rate", 20).modes().get("arena").tickPeriodMs()).isEqualTo(50.0);
    assertThat(defaults.with("modes.arena.tick-rate", 60).modes().get("arena").tickPeriodMs())
        .isCloseTo(16.667, org.assertj.core.data.Offset.offset(0.001));
  }

  @Test
  void eventLoopsDefaultToOnePerUsableCoreAndCanBeSet() {
    assertThat(defaults.node().eventLoopThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(defaults.with("node.event-loops", 3).node().eventLoopThreads()).isEqualTo(3);
    assertThatThrownBy(() -> defaults.with("node.event-loops", -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("node.event-loops");
  }
}
