package dev.playfield.config;

import dev.playfield.game.GameMode;
import dev.playfield.plugin.GameCatalog;
import io.vertx.core.json.JsonObject;

/**
 * Completes the configured modes from what the games offer: every mode a game declares is added
 * under {@code modes} (a configured mode of that name overrides it key by key, its settings too);
 * a configured mode of its own takes what it leaves out from its game's first mode; and every
 * mode takes the keys still missing from {@code mode-defaults}. Configuration always wins;
 * applying it twice changes nothing.
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
        fill(mode, offered);
      }
    }
    JsonObject defaults = copy.getJsonObject(DEFAULTS, new JsonObject());
    for (String name : modes.fieldNames()) {
      if (modes.getValue(name) instanceof JsonObject mode) {
        if (mode.getValue("game") instanceof String game) {
          games.find(game).ifPresent(type -> fill(mode, type.modes().get(0)));
        }
        defaults.forEach(entry -> putAbsent(mode, entry.getKey(), entry.getValue()));
      }
    }
    return copy;
  }

  private static void fill(JsonObject mode, GameMode offered) {
    putAbsent(mode, "match-size", offered.matchSize());
    putAbsent(mode, "min-players", offered.minPlayers());
    putAbsent(mode, "tick-rate", offered.tickRate());
    JsonObject settings = mode.getJsonObject("settings", new JsonObject());
    offered.settings().forEach((key, value) -> putAbsent(settings, key, value));
    mode.put("settings", settings);
  }

  private static void putAbsent(JsonObject json, String key, Object value) {
    if (!json.containsKey(key)) {
      json.put(key, value);
    }
  }
}
