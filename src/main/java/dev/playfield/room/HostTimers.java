package dev.playfield.room;

/**
 * One-shot timers on the room host's event loop (Vert.x timers in production, a hand-driven queue
 * in pure-logic tests). Called and fired on the host's thread only.
 */
interface HostTimers {

  /** Runs {@code task} after {@code delayMillis} (at least 1); returns the timer's id. */
  long after(long delayMillis, Runnable task);

  void cancel(long timerId);
}
