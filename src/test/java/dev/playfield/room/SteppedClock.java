package dev.playfield.room;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host clock that runs with real time (Vert.x timers still fire in real time, and tick schedules
 * must agree with them) plus whatever the test stepped it forward by.
 */
final class SteppedClock implements HostClock {

  private final AtomicLong offsetNanos = new AtomicLong();

  void step(Duration by) {
    offsetNanos.addAndGet(by.toNanos());
  }

  @Override
  public long nanoTime() {
    return System.nanoTime() + offsetNanos.get();
  }

  @Override
  public long currentTimeMillis() {
    return System.currentTimeMillis() + offsetNanos.get() / 1_000_000;
  }
}
