package dev.playfield.game;

/**
 * The randomness a game may use: a SeededRandom generator whose whole state is one {@code long}, so
 * a match puts it in its snapshot and a restored match draws the very same numbers. Start it from
 * {@link GameSetup#seed()}. Not thread-safe (a game runs on one thread at a time).
 */
public final class SeededRandom {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  public SeededRandom(long state) {
    this.state = state;
  }

  /** The whole state: store it in a snapshot, pass it to the constructor to go on from here. */
  public long state() {
    return state;
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A number in {@code [0, 1)} from the top 53 bits, the precision of a double. */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A number in {@code [min, max)}, or {@code min} when the range is empty. */
  public double between(double min, double max) {
    return min + nextDouble() * (max - min);
  }

  /** A whole number in {@code [0, bound)}, each equally likely; {@code bound} must be positive. */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    // Rejects the top sliver of the range that would favour small numbers.
    long limit = Long.MAX_VALUE - Long.MAX_VALUE % bound;
    long draw;
    do {
      draw = nextLong() >>> 1;
    } while (draw >= limit);
    return (int) (draw % bound);
  }
}
