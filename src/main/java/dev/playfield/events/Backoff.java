package dev.playfield.events;

import java.util.random.RandomGenerator;

/**
 * How long a failing sink waits before its next attempt: the n-th failure in a row waits {@code
 * initialMs * 2^(n-1)}, capped at {@code maxMs}, less a random part of up to a half ("equal
 * jitter"), so that a broker coming back is not hit by every retry in the same millisecond and the
 * wait still grows with every failure.
 */
record Backoff(long initialMs, long maxMs) {

  Backoff {
    if (initialMs < 1 || maxMs < initialMs) {
      throw new IllegalArgumentException("backoff needs 1 <= initial <= max, got " + initialMs + " and " + maxMs);
    }
  }

  /** The wait after {@code failuresInARow} failures (at least 1), in [cap / 2, cap]. */
  long delayMs(int failuresInARow, RandomGenerator random) {
    if (failuresInARow < 1) {
      throw new IllegalArgumentException("no failure, no backoff: " + failuresInARow);
    }
    long cap = cap(failuresInARow);
    long half = cap / 2;
    return cap - random.nextLong(half + 1);
  }

  /** The longest wait after this many failures. */
  long cap(int failuresInARow) {
    // Shifting past 62 bits would overflow; by then the cap is reached anyway.
    int doublings = Math.min(failuresInARow - 1, 62 - (63 - Long.numberOfLeadingZeros(initialMs)));
    long uncapped = initialMs << Math.max(0, doublings);
    return Math.min(maxMs, uncapped);
  }
}
