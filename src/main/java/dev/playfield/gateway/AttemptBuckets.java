package dev.playfield.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an account, an address): {@code burst} attempts at once, refilled at
 * {@code burst} per {@code windowNanos}. Holds at most {@code maxKeys} buckets; past that the least
 * recently used is dropped (that key starts again with a full bucket), so a flood of new keys
 * cannot grow it. Not thread-safe: {@link LoginAttempts} guards it.
 */
final class AttemptBuckets {

  private final int burst;
  private final double perNano;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets;

  AttemptBuckets(int burst, long windowNanos, int maxKeys, LongSupplier nanoTime) {
    this.burst = burst;
    this.perNano = burst / (double) windowNanos;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** Nanoseconds until {@code key} may try again: 0 when it may now. Changes nothing. */
  long waitNanos(String key) {
    double tokens = refilled(key);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
  }

  /** Takes one attempt from the key's bucket (call after {@link #waitNanos} said 0). */
  void take(String key) {
    double tokens = refilled(key);
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()));
    bucket.tokens = Math.max(0, tokens - 1);
  }

  /** Forgets the key: its next attempt starts with a full bucket. */
  void reset(String key) {
    buckets.remove(key);
  }

  int size() {
    return buckets.size();
  }

  /** The key's tokens now, bringing its refill up to date. */
  private double refilled(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket == null) {
      return burst;
    }
    long now = nanoTime.getAsLong();
    bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.at) * perNano);
    bucket.at = now;
    return bucket.tokens;
  }

  private static final class Bucket {
    double tokens;
    long at;

    Bucket(double tokens, long at) {
      this.tokens = tokens;
      this.at = at;
    }
  }
}
