package dev.playfield.room;

import java.util.ArrayList;
import java.util.List;

/** Durations of a room's ticks; read by the host for its logs and by the admin API. */
public final class TickStats {

  /** Ticks kept for the monitor's chart: 5 seconds at 20 Hz; older ones are overwritten. */
  static final int RECENT = 100;

  private final float[] recentMillis = new float[RECENT];

  private long ticks;
  private long totalNanos;
  private long maxNanos;
  private long lastNanos;

  void record(long nanos) {
    ticks++;
    totalNanos += nanos;
    lastNanos = nanos;
    maxNanos = Math.max(maxNanos, nanos);
    recentMillis[(int) ((ticks - 1) % RECENT)] = nanos / 1e6f;
  }

  /** The latest tick durations in milliseconds, oldest first; at most {@link #RECENT}. */
  public List<Float> recentMillis() {
    int count = (int) Math.min(ticks, RECENT);
    List<Float> out = new ArrayList<>(count);
    for (long n = ticks - count; n < ticks; n++) {
      out.add(recentMillis[(int) (n % RECENT)]);
    }
    return out;
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
