package dev.playfield.examples.liarsdice;

/**
 * The SplitMix64 generator (Steele, Lea and Flood): its whole state is one {@code long}, which a
 * snapshot carries, so a restored match rolls exactly the dice the original would have rolled.
 */
final class SplitMix64 {

  private static final long INCREMENT = 0x9E3779B97F4A7C15L;

  private long state;

  SplitMix64(long state) {
    this.state = state;
  }

  long state() {
    return state;
  }

  long nextLong() {
    state += INCREMENT;
    long mixed = (state ^ (state >>> 30)) * 0xBF58476D1CE4E5B9L;
    mixed = (mixed ^ (mixed >>> 27)) * 0x94D049BB133111EBL;
    return mixed ^ (mixed >>> 31);
  }

  /**
   * A number in {@code [0, bound)}. Multiplying the top 31 bits by the bound keeps the bias below
   * one in 2^28 for the small bounds a dice game uses.
   */
  int below(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    return (int) (((nextLong() >>> 33) * bound) >>> 31);
  }

  /** One die: 1 to 6. */
  int rollDie() {
    return 1 + below(6);
  }
}
