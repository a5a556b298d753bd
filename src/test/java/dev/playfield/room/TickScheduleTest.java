package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Drives the schedule with a simulated clock: each tick ends some time after it starts, timers fire on time. */
class TickScheduleTest {

  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long PERIOD = 50 * MS;
  private static final long START = 1_000_000 * MS; // an arbitrary nanoTime origin

  @Test
  void onTimeTicksAreScheduledOnTheGridWithoutDrift() {
    TickSchedule schedule = new TickSchedule(START, PERIOD);
    assertThat(schedule.firstDeadline()).isEqualTo(START);

    long tickStart = START;
    for (int n = 1; n <= 1000; n++) {
      // Work of 0.3 to 7.3 ms, never a whole millisecond, so a rounding error would accumulate.
      long ended = tickStart + 300_000 + (n % 8) * MS;
      long delayMs = schedule.advance(ended);
      long deadline = START + n * PERIOD;
      assertThat(ended + delayMs * MS).as("timer of tick %d", n).isBetween(deadline, deadline + MS - 1);
      tickStart = deadline; // the timer fires when due, not when the rounded-up delay says
    }
    assertThat(schedule.overruns()).isZero();
  }

  @Test
  void aTickThatEndsLateRunsTheNextAtOnceAndTheOneAfterStaysOnTheGrid() {
    TickSchedule schedule = new TickSchedule(START, PERIOD);

    long lateEnd = START + PERIOD + 10 * MS; // tick 0 ends 10 ms after tick 1 was due
    assertThat(schedule.advance(lateEnd)).isEqualTo(1);
    assertThat(schedule.overruns()).isEqualTo(1);

    long nextEnd = lateEnd + 1 * MS + 2 * MS;
    long delayMs = schedule.advance(nextEnd);
    assertThat(nextEnd + delayMs * MS).isEqualTo(START + 2 * PERIOD);
    assertThat(schedule.overruns()).isEqualTo(1);
  }

  @Test
  void aTickMoreThanAWholePeriodLateSkipsTheMissedSlotsAndCountsThem() {
    TickSchedule schedule = new TickSchedule(START, PERIOD);

    // Tick 0 ends at +170 ms: slots 50 and 100 are missed, slot 150 is due and runs at once.
    long lateEnd = START + 170 * MS;
    assertThat(schedule.advance(lateEnd)).isEqualTo(1);
    assertThat(schedule.overruns()).isEqualTo(3);

    long nextEnd = lateEnd + 1 * MS + 2 * MS;
    long delayMs = schedule.advance(nextEnd);
    assertThat(nextEnd + delayMs * MS).as("next slot after the skip").isEqualTo(START + 200 * MS);
    assertThat(schedule.overruns()).isEqualTo(3);
  }

  @Test
  void aTickEndingExactlyAtTheNextDeadlineIsNotAnOverrun() {
    TickSchedule schedule = new TickSchedule(START, PERIOD);

    assertThat(schedule.advance(START + PERIOD)).isEqualTo(1);
    assertThat(schedule.overruns()).isZero();
  }

  @Test
  void lateStartsAreMeasuredAgainstTheirOwnSlotAndTheLatestIsKept() {
    TickSchedule schedule = new TickSchedule(START, PERIOD);

    assertThat(schedule.started(START - MS)).as("a timer that fires early is not late").isZero();
    schedule.advance(START + MS);
    assertThat(schedule.started(START + PERIOD + 12 * MS)).isEqualTo(12 * MS);
    schedule.advance(START + PERIOD + 13 * MS);
    assertThat(schedule.started(START + 2 * PERIOD + 3 * MS)).isEqualTo(3 * MS);
    assertThat(schedule.maxLatenessNanos()).isEqualTo(12 * MS);
  }
}
