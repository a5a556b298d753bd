package dev.playfield.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;

/**
 * Applies environment variables over a configuration: every leaf key has a variable named {@code
 * PLAYFIELD_} plus its path in upper case, with dots and dashes as underscores ({@code
 * modes.arena.match-size} is {@code PLAYFIELD_MODES_ARENA_MATCH_SIZE}). A value is converted to the
 * type the key already has, so a typo fails the start instead of being read as a string.
 */
public final class EnvOverrides {

  public static final String PREFIX = "PLAYFIELD";

  private EnvOverrides() {}

  /** Returns a copy of {@code config} with the overrides of {@code env} applied. */
  public static JsonObject apply(JsonObject config, Map<String, String> env) {
    JsonObject copy = config.copy();
    applyTo(copy, PREFIX, env);
    return copy;
  }

  /** The variable that overrides the key at {@code path} (dotted). */
  public static String variableFor(String path) {
    return PREFIX + "_" + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void applyTo(JsonObject node, String prefix, Map<String, String> env) {
    for (String key : node.fieldNames()) {
      String variable = prefix + "_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
      Object value = node.getValue(key);
      if (value instanceof JsonObject child) {
        applyTo(child, variable, env);
      } else if (env.containsKey(variable)) {
        node.put(key, convert(variable, env.get(variable), value));
      }
    }
  }

  private static Object convert(String variable, String raw, Object current) {
    String text = raw.trim();
    try {
      if (current instanceof Integer || current instanceof Long) {
        return Long.parseLong(text);
      }
      if (current instanceof Number) {
        return Double.parseDouble(text);
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " must be a number, got '" + raw + "'");
    }
    if (current instanceof Boolean) {
      if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException(variable + " must be true or false, got '" + raw + "'");
      }
      return Boolean.parseBoolean(text);
    }
    if (current instanceof JsonArray) {
      JsonArray list = new JsonArray();
      for (String item : text.split(",")) {
        if (!item.isBlank()) {
          list.add(item.trim());
        }
      }
      return list;
    }
    return raw;
  }
}
