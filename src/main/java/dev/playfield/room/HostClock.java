package dev.playfield.room;

/**
 * The time the room host reads for its decisions: tick lateness and durations, the deadline of a
 * takeover's wait for the old owner to leave, when a record was saved. Injected so tests step it.
 * Must be thread-safe and must not block.
 */
public interface HostClock {

  /** A monotonic reading in nanoseconds, as {@link System#nanoTime()}. */
  long nanoTime();

  /** Wall-clock milliseconds since the epoch, as {@link System#currentTimeMillis()}. */
  long currentTimeMillis();

  HostClock SYSTEM = new HostClock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public long currentTimeMillis() {
      return System.currentTimeMillis();
    }
  };
}
