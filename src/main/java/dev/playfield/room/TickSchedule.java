package dev.playfield.room;

/**
 * When the next tick is due. Deadlines sit on a fixed grid ({@code start + n * period}), so a slow
 * tick does not push every later tick back. A tick that is due already runs at once; when the host
 * falls more than a whole period behind, the missed slots are skipped instead of run back to back in
 * a burst. Both count as overruns.
 */
final class TickSchedule {

  private long startNanos;
  private final long periodNanos;
  private long nextTick;
  private long overruns;
  private long maxLatenessNanos;

  TickSchedule(long startNanos, long periodNanos) {
    this.startNanos = startNanos;
    this.periodNanos = periodNanos;
  }

  /**
   * Starts the grid again from {@code startNanos} (a room that was paused, as for a hand-over that
   * did not happen): the slots of the pause are not missed slots. Overruns and lateness are kept.
   */
  void restart(long startNanos) {
    this.startNanos = startNanos;
    this.nextTick = 0;
  }

  /** Nanoseconds of the first deadline. */
  long firstDeadline() {
    return startNanos;
  }

  /**
   * Called as a tick starts: how far past its deadline it is (timer lag, a busy event loop); the
   * largest is kept for {@link #maxLatenessNanos()}.
   */
  long started(long nowNanos) {
    long lateness = Math.max(0, nowNanos - deadlineOf(nextTick));
    maxLatenessNanos = Math.max(maxLatenessNanos, lateness);
    return lateness;
  }

  /** The latest start of a tick after its deadline, in nanoseconds. */
  long maxLatenessNanos() {
    return maxLatenessNanos;
  }

  /** Called after a tick ran; moves to the next slot and returns milliseconds until it is due. */
  long advance(long nowNanos) {
    nextTick++;
    long deadline = deadlineOf(nextTick);
    if (nowNanos > deadline) {
      overruns++;
      long slotsBehind = (nowNanos - deadline) / periodNanos;
      if (slotsBehind >= 1) {
        // More than a whole period late: give up the missed slots rather than burst through them.
        overruns += slotsBehind;
        nextTick += slotsBehind;
      }
      return 1;
    }
    return Math.max(1, (deadline - nowNanos + 999_999) / 1_000_000);
  }

  private long deadlineOf(long tick) {
    return startNanos + tick * periodNanos;
  }

  /** Tick slots that were missed because a tick ended after the next one was due. */
  long overruns() {
    return overruns;
  }
}
