package dev.playfield.config;

import dev.playfield.game.GameMode;
import dev.playfield.plugin.GameCatalog;
import io.vertx.core.json.JsonObject;

/**
 * Completes the configured modes from what the games offer: every mode a game declares is added
 * under {@code modes} (a configured mode of that name overrides it key by key, its settings too),
 * and every mode takes the keys it leaves out from {@code mode-defaults}. Configuration always
 * wins; applying it twice changes nothing.
 */
final class GameModes {

  static final String DEFAULTS = "mode-defaults";

  private GameModes() {}

  static JsonObject complete(JsonObject config, GameCatalog games) {
    JsonObject copy = config.copy();
    JsonObject modes = copy.getJsonObject("modes");
    if (modes == null) {
      modes = new JsonObject();
      copy.put("modes", modes);
    }
    for (GameCatalog.LoadedGame game : games.all()) {
      for (GameMode offered : game.type().modes()) {
        JsonObject mode = modes.getJsonObject(offered.name(), new JsonObject());
        modes.put(offered.name(), mode);
        putAbsent(mode, "game", game.type().name());
        putAbsent(mode, "match-size", offered.matchSize());
        putAbsent(mode, "min-players", offered.minPlayers());
        putAbsent(mode, "tick-rate", offered.tickRate());
        JsonObject settings = mode.getJsonObject("settings", new JsonObject());
        offered.settings().forEach((key, value) -> putAbsent(settings, key, value));
        mode.put("settings", settings);
      }
    }
    JsonObject defaults = copy.getJsonObject(DEFAULTS, new JsonObject());
    for (String name : modes.fieldNames()) {
      if (modes.getValue(name) instanceof JsonObject mode) {
        defaults.forEach(entry -> putAbsent(mode, entry.getKey(), entry.getValue()));
      }
    }
    return copy;
  }

  private static void putAbsent(JsonObject json, String key, Object value) {
    if (!json.containsKey(key)) {
      json.put(key, value);
    }
  }
}
