package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong nanos = new AtomicLong(123_456_789L);

  @Test
  void aFullBucketAllowsTheBurstThenRefuses() {
    RateLimiter limiter = new RateLimiter(10, 3, nanos::get);

    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void tokensComeBackAtTheSustainedRate() {
    RateLimiter limiter = new RateLimiter(10, 3, nanos::get);
    drain(limiter);

    advanceMillis(50);
    assertThat(limiter.tryAcquire()).as("half a token after 50 ms").isFalse();
    advanceMillis(50);
    assertThat(limiter.tryAcquire()).as("a whole token after 100 ms in total").isTrue();
    assertThat(limiter.tryAcquire()).isFalse();
  }

  @Test
  void refusedAttemptsDoNotDelayTheRefill() {
    RateLimiter limiter = new RateLimiter(10, 3, nanos::get);
    drain(limiter);

    for (int i = 0; i < 9; i++) {
      advanceMillis(10);
      assertThat(limiter.tryAcquire()).as("%d ms after the bucket emptied", (i + 1) * 10).isFalse();
    }
    advanceMillis(15); // 105 ms: a whole token, away from the exact 100 ms where rounding decides
    assertThat(limiter.tryAcquire()).isTrue();
  }

  @Test
  void aLongPauseRefillsNoMoreThanTheBurst() {
    RateLimiter limiter = new RateLimiter(10, 3, nanos::get);
    drain(limiter);

    advanceMillis(60_000);

    assertThat(drain(limiter)).isEqualTo(3);
  }

  @Test
  void aSteadySenderAtTheSustainedRateIsNeverRefused() {
    RateLimiter limiter = new RateLimiter(60, 1, nanos::get);

    for (int i = 0; i < 600; i++) {
      assertThat(limiter.tryAcquire()).as("message %d", i).isTrue();
      advanceMillis(17); // a little slower than 60 per second
    }
  }

  private void advanceMillis(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static int drain(RateLimiter limiter) {
    int taken = 0;
    while (limiter.tryAcquire()) {
      taken++;
    }
    return taken;
  }
}
