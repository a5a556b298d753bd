package dev.playfield.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvOverridesTest {

  private static JsonObject config() {
    return new JsonObject()
        .put("http", new JsonObject().put("port", 8080).put("host", "0.0.0.0"))
        .put("modes", new JsonObject().put("arena", new JsonObject()
            .put("match-size", 8)
            .put("enabled", true)
            .put("regions", new JsonArray().add("eu"))
            .put("settings", new JsonObject().put("speed", 240.5))));
  }

  @Test
  void variableNamesArePrefixedUpperCaseWithDotsAndDashesAsUnderscores() {
    assertThat(EnvOverrides.variableFor("http.port")).isEqualTo("PLAYFIELD_HTTP_PORT");
    assertThat(EnvOverrides.variableFor("modes.arena.match-size")).isEqualTo("PLAYFIELD_MODES_ARENA_MATCH_SIZE");
  }

  @Test
  void aKeyWithADashIsOverriddenByItsVariable() {
    JsonObject result = EnvOverrides.apply(config(), Map.of(EnvOverrides.variableFor("modes.arena.match-size"), "4"));

    assertThat(result.getJsonObject("modes").getJsonObject("arena").getInteger("match-size")).isEqualTo(4);
  }

  @Test
  void valuesAreConvertedToTheTypeTheKeyAlreadyHas() {
    JsonObject result = EnvOverrides.apply(config(), Map.of(
        "PLAYFIELD_HTTP_PORT", " 9999 ",
        "PLAYFIELD_MODES_ARENA_ENABLED", "FALSE",
        "PLAYFIELD_MODES_ARENA_REGIONS", "us, ap,,eu ",
        "PLAYFIELD_MODES_ARENA_SETTINGS_SPEED", "300.25",
        "PLAYFIELD_HTTP_HOST", "127.0.0.1"));

    JsonObject arena = result.getJsonObject("modes").getJsonObject("arena");
    assertThat(result.getJsonObject("http").getValue("port")).isInstanceOf(Number.class);
    assertThat(result.getJsonObject("http").getInteger("port")).isEqualTo(9999);
    assertThat(arena.getValue("enabled")).isEqualTo(false);
    assertThat(arena.getJsonArray("regions")).isEqualTo(new JsonArray().add("us").add("ap").add("eu"));
    assertThat(arena.getJsonObject("settings").getValue("speed")).isEqualTo(300.25);
    assertThat(result.getJsonObject("http").getValue("host")).isEqualTo("127.0.0.1");
  }

  @Test
  void aValueThatIsNotANumberFailsNamingTheVariable() {
    assertThatThrownBy(() -> EnvOverrides.apply(config(), Map.of("PLAYFIELD_HTTP_PORT", "80eighty")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PLAYFIELD_HTTP_PORT")
        .hasMessageContaining("80eighty");
    assertThatThrownBy(() -> EnvOverrides.apply(config(), Map.of("PLAYFIELD_HTTP_PORT", "8080.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PLAYFIELD_HTTP_PORT");
    assertThatThrownBy(() -> EnvOverrides.apply(config(), Map.of("PLAYFIELD_MODES_ARENA_SETTINGS_SPEED", "fast")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PLAYFIELD_MODES_ARENA_SETTINGS_SPEED");
  }

  @Test
  void aValueThatIsNotABooleanFailsNamingTheVariable() {
    assertThatThrownBy(() -> EnvOverrides.apply(config(), Map.of("PLAYFIELD_MODES_ARENA_ENABLED", "yes")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PLAYFIELD_MODES_ARENA_ENABLED");
  }

  @Test
  void variablesForKeysThatDoNotExistAddNothing() {
    JsonObject result = EnvOverrides.apply(config(), Map.of(
        "PLAYFIELD_HTTP_TIMEOUT", "5",
        "PLAYFIELD_MODES_RACE_MATCH_SIZE", "2",
        "PLAYFIELD_MODES", "oops", // names a section, not a leaf
        "HTTP_PORT", "1"));         // no prefix

    assertThat(result).isEqualTo(config());
  }

  @Test
  void theConfigurationPassedInIsNotChanged() {
    JsonObject original = config();

    EnvOverrides.apply(original, Map.of("PLAYFIELD_HTTP_PORT", "1"));

    assertThat(original).isEqualTo(config());
  }
}
