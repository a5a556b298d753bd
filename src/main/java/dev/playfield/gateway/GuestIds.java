package dev.playfield.gateway;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** Ids for new players and the display name a player gets when it chose none. */
final class GuestIds {

  private GuestIds() {}

  static String newPlayerId() {
    return "p-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  }

  static String guestName(String playerId) {
    String tail = playerId.substring(Math.max(0, playerId.length() - 4));
    return "Guest-" + tail.toUpperCase(Locale.ROOT);
  }
}
