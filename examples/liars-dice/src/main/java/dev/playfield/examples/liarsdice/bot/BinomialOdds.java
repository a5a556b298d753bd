package dev.playfield.examples.liarsdice.bot;

/** How likely dice nobody has seen bear out a bid: each unseen die shows a given face with chance 1/6. */
final class BinomialOdds {

  private static final double FACE = 1.0 / 6;

  private BinomialOdds() {}

  /** The chance that at least {@code needed} of {@code unseen} dice show one given face. */
  static double atLeast(int needed, int unseen) {
    if (needed <= 0) {
      return 1;
    }
    if (needed > unseen) {
      return 0;
    }
    double exactly = Math.pow(1 - FACE, unseen); // P(X = 0)
    double below = 0;
    for (int k = 0; k < needed; k++) {
      below += exactly;
      exactly = exactly * (unseen - k) / (k + 1) * FACE / (1 - FACE); // P(X = k + 1) from P(X = k)
    }
    return Math.max(0, 1 - below);
  }
}
