package dev.playfield.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Keyed token buckets on a clock the test steps. */
class TokenBucketsTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);

  @Test
  void bucketsAreBoundedByDroppingTheLeastRecentlyUsed() {
    TokenBuckets buckets = new TokenBuckets(1, 1 / 60.0, 100, now::get);
    buckets.take("first");
    for (int i = 0; i < 1_000; i++) {
      buckets.take("key-" + i);
    }

    assertThat(buckets.size()).isEqualTo(100);
    assertThat(buckets.waitNanos("first")).as("dropped, so full again").isZero();
    assertThat(buckets.waitNanos("key-999")).isPositive();
  }

  @Test
  void aKeyTakesItsBurstThenOneTokenPerRefillAndOtherKeysAreUntouched() {
    TokenBuckets buckets = new TokenBuckets(3, 5, 100, now::get);
    for (int i = 0; i < 3; i++) {
      assertThat(buckets.tryTake("10.0.0.1")).isTrue();
    }
    assertThat(buckets.tryTake("10.0.0.1")).as("the burst is spent").isFalse();
    assertThat(buckets.waitNanos("10.0.0.1")).as("a refused try takes nothing").isEqualTo(SECOND / 5);
    assertThat(buckets.tryTake("10.0.0.2")).as("another key").isTrue();

    now.addAndGet(SECOND / 5);
    assertThat(buckets.tryTake("10.0.0.1")).isTrue();
    assertThat(buckets.tryTake("10.0.0.1")).isFalse();
  }
}
