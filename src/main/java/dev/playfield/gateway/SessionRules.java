package dev.playfield.gateway;

import dev.playfield.game.GameType;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a session checks requests against: the game each mode plays, the longest display name,
 * and whether the node is draining (players are then let go as their match ends).
 */
record SessionRules(Map<String, GameType> gameOfMode, int maxNameLength, BooleanSupplier draining) {

  /** Why a display name is refused, or null when it is fine. */
  String badName(String raw) {
    String candidate = raw.strip();
    if (candidate.length() > maxNameLength) {
      return "name is longer than " + maxNameLength + " characters";
    }
    if (candidate.codePoints().anyMatch(Character::isISOControl)) {
      return "name contains control characters";
    }
    return null;
  }
}
