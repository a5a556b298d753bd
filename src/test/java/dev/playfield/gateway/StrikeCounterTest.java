package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StrikeCounterTest {

  private static final long WINDOW = TimeUnit.SECONDS.toNanos(10);

  private final AtomicLong nanos = new AtomicLong(-5_000_000_000L); // nanoTime may be negative

  @Test
  void theMaxthStrikeWithinTheWindowClosesTheConnection() {
    StrikeCounter strikes = new StrikeCounter(3, WINDOW, nanos::get);

    assertThat(strikes.strike()).isFalse();
    advanceSeconds(4);
    assertThat(strikes.strike()).isFalse();
    advanceSeconds(4);
    assertThat(strikes.strike()).isTrue();
  }

  @Test
  void strikesOlderThanTheWindowNoLongerCount() {
    StrikeCounter strikes = new StrikeCounter(3, WINDOW, nanos::get);
    strikes.strike();
    advanceSeconds(1);
    strikes.strike();

    advanceSeconds(10); // the first is 11 s old, the second 10 s: only the first has expired
    assertThat(strikes.strike()).isFalse();
    advanceSeconds(1);  // now the second has expired as well
    assertThat(strikes.strike()).isFalse();
    assertThat(strikes.strike()).isTrue();
  }

  @Test
  void aFloodKeepsReportingTheLimitWhileItLasts() {
    StrikeCounter strikes = new StrikeCounter(3, WINDOW, nanos::get);
    strikes.strike();
    strikes.strike();

    for (int i = 0; i < 1000; i++) {
      assertThat(strikes.strike()).isTrue();
    }
  }

  @Test
  void afterAFloodOnlyTheWindowsWorthOfStrikesIsRemembered() {
    StrikeCounter strikes = new StrikeCounter(3, WINDOW, nanos::get);
    for (int i = 0; i < 1000; i++) {
      strikes.strike();
    }

    advanceSeconds(11);

    assertThat(strikes.strike()).isFalse();
    assertThat(strikes.strike()).isFalse();
    assertThat(strikes.strike()).isTrue();
  }

  private void advanceSeconds(long seconds) {
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
  }
}
