package dev.playfield.gateway;

import java.util.function.LongSupplier;

/** A token bucket: {@code perSecond} messages sustained, {@code burst} at once. One per connection. */
final class RateLimiter {

  private final double perNano;
  private final double burst;
  private final LongSupplier nanoTime;
  private double tokens;
  private long last;

  RateLimiter(int perSecond, int burst, LongSupplier nanoTime) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.last = nanoTime.getAsLong();
  }

  /** Takes one token; false when the bucket is empty and the message must be refused. */
  boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    tokens = Math.min(burst, tokens + (now - last) * perNano);
    last = now;
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
