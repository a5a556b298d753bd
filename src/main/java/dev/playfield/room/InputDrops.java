package dev.playfield.room;

import java.util.Locale;

/**
 * Where a room reports the inputs it drops, so that a flood or a confused client shows in the
 * metrics. Called on the room's thread, once per dropped input; must be cheap and must not block.
 */
@FunctionalInterface
public interface InputDrops {

  /** Why an input was dropped. */
  enum Reason {
    /** The player's queue was full: the oldest input went. */
    FULL,
    /** Its sequence number was already applied or is already queued. */
    STALE;

    /** The metric label: {@code full}, {@code stale}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  void dropped(Reason reason);

  /** Counts nothing (pure-logic tests). */
  InputDrops NONE = reason -> {};
}
