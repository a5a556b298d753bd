package dev.playfield.room;

/** Durations of a room's ticks; read by the host for logs now, by metrics later. */
public final class TickStats {

  private long ticks;
  private long totalNanos;
  private long maxNanos;
  private long lastNanos;

  void record(long nanos) {
    ticks++;
    totalNanos += nanos;
    lastNanos = nanos;
    maxNanos = Math.max(maxNanos, nanos);
  }

  public long ticks() {
    return ticks;
  }

  public double meanMillis() {
    return ticks == 0 ? 0 : totalNanos / 1e6 / ticks;
  }

  public double maxMillis() {
    return maxNanos / 1e6;
  }

  public double lastMillis() {
    return lastNanos / 1e6;
  }
}
