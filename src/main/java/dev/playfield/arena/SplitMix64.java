package dev.playfield.arena;

/**
 * SplitMix64: a small pseudo-random generator whose whole state is one {@code long}, so a match can
 * snapshot it and a restored match draws the very same numbers.
 */
final class SplitMix64 {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  SplitMix64(long state) {
    this.state = state;
  }

  long state() {
    return state;
  }

  long nextLong() {
    state += GOLDEN_GAMMA;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A number in {@code [0, 1)} from the top 53 bits, the precision of a double. */
  double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** A number in {@code [min, max)}, or {@code min} when the range is empty. */
  double between(double min, double max) {
    return min + nextDouble() * (max - min);
  }
}
