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
    return badText("name", raw, maxNameLength);
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

  /** Why a private room's label is refused, or null when it is fine. */
  static String badRoomLabel(String raw) {
    return badText("room label", raw, MAX_ROOM_LABEL);
  }

  /** A text a person reads (a name, a label): at most {@code max} characters, no control characters. */
  private static String badText(String what, String raw, int max) {
    String candidate = raw.strip();
    if (candidate.length() > max) {
      return what + " is longer than " + max + " characters";
    }
    if (candidate.codePoints().anyMatch(Character::isISOControl)) {
      return what + " contains control characters";
    }
    return null;
  }

  static final int MAX_ROOM_LABEL = 40;
}
