package dev.playfield.config;

import io.vertx.core.json.JsonObject;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One object of the configuration tree, with typed getters whose errors name the full key. */
record Section(String path, JsonObject json) {

  Section section(String key) {
    Object value = json.getValue(key);
    if (!(value instanceof JsonObject child)) {
      throw new IllegalArgumentException(name(key) + ": expected a section");
    }
    return new Section(name(key), child);
  }

  int intIn(String key, int min, int max) {
    Object value = json.getValue(key);
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
      throw new IllegalArgumentException(name(key) + ": expected a whole number, got " + value);
    }
    long whole = number.longValue();
    if (whole < min || whole > max) {
      throw new IllegalArgumentException(name(key) + ": must be in [" + min + ", " + max + "], got " + whole);
    }
    return (int) whole;
  }

  String string(String key) {
    Object value = json.getValue(key);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException(name(key) + ": expected text, got " + value);
    }
    return text;
  }

  /** Text that must be one of {@code allowed}; case-insensitive, returned as spelled in {@code allowed}. */
  String oneOf(String key, String... allowed) {
    String value = string(key).strip();
    for (String candidate : allowed) {
      if (candidate.equalsIgnoreCase(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException(name(key) + ": must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
  }

  boolean bool(String key) {
    Object value = json.getValue(key);
    if (!(value instanceof Boolean flag)) {
      throw new IllegalArgumentException(name(key) + ": expected true or false, got " + value);
    }
    return flag;
  }

  List<String> strings(String key) {
    Object value = json.getValue(key);
    if (!(value instanceof JsonArray array)) {
      throw new IllegalArgumentException(name(key) + ": expected a list, got " + value);
    }
    List<String> items = new ArrayList<>();
    for (Object item : array) {
      items.add(String.valueOf(item).trim());
    }
    return List.copyOf(items);
  }

  Map<String, Object> map(String key) {
    JsonObject value = json.getJsonObject(key, new JsonObject());
    return value.getMap();
  }

  String name(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
