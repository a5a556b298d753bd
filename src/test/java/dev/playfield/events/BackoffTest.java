package dev.playfield.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class BackoffTest {

  @Property
  void everyWaitIsBetweenHalfItsCapAndItsCapAndTheCapNeverPassesTheMaximum(
      @ForAll @LongRange(min = 1, max = 100_000) long initial, @ForAll @LongRange(min = 0, max = 10_000_000) long extra,
      @ForAll @IntRange(min = 1, max = 200) int failures, @ForAll long seed) {
    Backoff backoff = new Backoff(initial, initial + extra);
    long cap = backoff.cap(failures);
    long wait = backoff.delayMs(failures, new SplittableRandom(seed));
    assertThat(cap).isBetween(initial, initial + extra);
    assertThat(wait).isBetween(cap - cap / 2, cap);
  }

  @Property
  void theCapDoublesWithEachFailureUntilTheMaximum(
      @ForAll @LongRange(min = 1, max = 100_000) long initial, @ForAll @LongRange(min = 0, max = 10_000_000) long extra,
      @ForAll @IntRange(min = 1, max = 200) int failures) {
    Backoff backoff = new Backoff(initial, initial + extra);
    long next = backoff.cap(failures + 1);
    assertThat(next).isEqualTo(Math.min(initial + extra, 2 * backoff.cap(failures)));
  }
}
