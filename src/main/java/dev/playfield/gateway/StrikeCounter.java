package dev.playfield.gateway;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Counts a connection's protocol errors in a sliding window; too many and the connection is closed.
 * Holds at most {@code max} timestamps, so a flood cannot grow it.
 */
final class StrikeCounter {

  private final int max;
  private final long windowNanos;
  private final LongSupplier nanoTime;
  private final ArrayDeque<Long> strikes = new ArrayDeque<>();

  StrikeCounter(int max, long windowNanos, LongSupplier nanoTime) {
    this.max = max;
    this.windowNanos = windowNanos;
    this.nanoTime = nanoTime;
  }

  /** Records a strike; true when the window now holds {@code max} of them. */
  boolean strike() {
    long now = nanoTime.getAsLong();
    while (!strikes.isEmpty() && now - strikes.peekFirst() > windowNanos) {
      strikes.pollFirst();
    }
    if (strikes.size() == max) {
      strikes.pollFirst();
    }
    strikes.addLast(now);
    return strikes.size() >= max;
  }
}
