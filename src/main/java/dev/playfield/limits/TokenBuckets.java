package dev.playfield.limits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per key (an account, a client address): {@code burst} at once, refilled at
 * {@code refillPerSecond}. Holds at most {@code maxKeys} buckets; past that the least recently used
 * is dropped (that key starts again with a full bucket, which costs at most one burst), so a flood
 * of new keys cannot grow it. Not thread-safe: its users guard it.
 */
public final class TokenBuckets {

  private final int burst;
  private final double perNano;
  private final LongSupplier nanoTime;
  private final Map<String, Bucket> buckets;

  public TokenBuckets(int burst, double refillPerSecond, int maxKeys, LongSupplier nanoTime) {
    this.burst = burst;
    this.perNano = refillPerSecond / 1e9;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
        return size() > maxKeys;
      }
    };
  }

  /** Nanoseconds until {@code key} may take a token: 0 when it may now. Takes nothing. */
  public long waitNanos(String key) {
    double tokens = refilled(key);
    return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perNano);
  }

  /** Takes one token from the key's bucket (call after {@link #waitNanos} said 0). */
  public void take(String key) {
    double tokens = refilled(key);
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nanoTime.getAsLong()));
    bucket.tokens = Math.max(0, tokens - 1);
  }

  /** Takes a token when there is one; false (taking nothing) when the bucket is empty. */
  public boolean tryTake(String key) {
    if (waitNanos(key) > 0) {
      return false;
    }
    take(key);
    return true;
  }

  /** Forgets the key: its next take starts with a full bucket. */
  public void reset(String key) {
    buckets.remove(key);
  }

  public int size() {
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
