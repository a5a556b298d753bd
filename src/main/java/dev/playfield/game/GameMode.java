package dev.playfield.game;

import java.util.Map;

/**
 * A mode a game offers out of the box: the queue players join by this name, how many a match
 * seats, and how fast its rooms tick. The node's configuration may override any of it under
 * {@code modes.<name>} (including {@code settings}, key by key) and may add further modes of the
 * same game.
 *
 * @param name the mode's name, unique on a node (letters, digits, dashes)
 * @param matchSize players in a full match
 * @param minPlayers the fewest players a match may start with after the queue's fill timeout
 * @param tickRate ticks per second
 * @param settings what the game reads through {@link GameSetup#settings()} (numbers, strings, booleans)
 */
public record GameMode(String name, int matchSize, int minPlayers, int tickRate, Map<String, Object> settings) {

  public GameMode {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException("a mode name is lower-case letters, digits and dashes, got '" + name + "'");
    }
    if (matchSize < 1 || minPlayers < 1 || minPlayers > matchSize) {
      throw new IllegalArgumentException("mode " + name + ": need 1 <= min-players <= match-size, got "
          + minPlayers + " and " + matchSize);
    }
    if (tickRate < 1 || tickRate > 240) {
      throw new IllegalArgumentException("mode " + name + ": tick-rate must be in [1, 240], got " + tickRate);
    }
    settings = Map.copyOf(settings);
  }
}
