package dev.playfield.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address for a public HTTP API: {@code burst} requests at once, then
 * {@code perSecond}. Holds at most {@code maxAddresses} buckets; beyond that the address unseen
 * longest is forgotten (it starts again with a full bucket, which costs at most one burst). Thread-safe.
 */
final class AddressRateLimits {

  private final double perNano;
  private final int burst;
  private final LongSupplier nanoTime;
  private final Map<String, double[]> buckets;

  AddressRateLimits(int perSecond, int burst, int maxAddresses, LongSupplier nanoTime) {
    this.perNano = perSecond / 1e9;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
        return size() > maxAddresses;
      }
    };
  }

  /** Takes one request from the address's bucket; false when it is empty (answer 429). */
  synchronized boolean tryAcquire(String address) {
    long now = nanoTime.getAsLong();
    // {tokens, last refill time}
    double[] bucket = buckets.computeIfAbsent(address, a -> new double[] {burst, now});
    bucket[0] = Math.min(burst, bucket[0] + (now - (long) bucket[1]) * perNano);
    bucket[1] = now;
    if (bucket[0] < 1) {
      return false;
    }
    bucket[0] -= 1;
    return true;
  }
}
