package dev.playfield.game;

import java.util.List;
import java.util.Map;

/**
 * What a game is started with.
 *
 * @param seed the only source of randomness the game may use
 * @param tickRate ticks per second of game time
 * @param playerNames the players' display names, by slot
 * @param settings the mode's game settings from configuration (numbers, strings, booleans)
 */
public record GameSetup(long seed, int tickRate, List<String> playerNames, Map<String, Object> settings) {

  public GameSetup {
    playerNames = List.copyOf(playerNames);
    settings = Map.copyOf(settings);
  }

  public int players() {
    return playerNames.size();
  }

  /** A numeric setting, or {@code fallback} when it is not set. */
  public double number(String key, double fallback) {
    Object value = settings.get(key);
    return value instanceof Number n ? n.doubleValue() : fallback;
  }
}
