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

  /** Why a private room's code is refused before it is looked up, or null when it may be one. */
  static String badRoomCode(String raw) {
    String code = raw.strip();
    if (code.isEmpty() || code.length() > 16) {
      return "a room code is 1 to 16 letters and digits";
    }
    if (!code.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
      return "a room code is letters and digits only";
    }
    return null;
  }
}
