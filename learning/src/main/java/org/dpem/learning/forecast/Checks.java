package org.dpem.learning.forecast;

/** The argument checks every forecaster makes. */
final class Checks {
  private Checks() {}

  static void length(String who, double[] counts, int series) {
    if (counts.length != series) {
      throw new IllegalArgumentException(who + ": expected " + series + " series, got " + counts.length);
    }
  }

  static void unit(String who, String what, double v, boolean zeroAllowed) {
    if (!(v <= 1 && (zeroAllowed ? v >= 0 : v > 0))) {
      throw new IllegalArgumentException(who + ": " + what + " must be in " + (zeroAllowed ? "[0, 1]" : "(0, 1]")
          + ", got " + v);
    }
  }
}
