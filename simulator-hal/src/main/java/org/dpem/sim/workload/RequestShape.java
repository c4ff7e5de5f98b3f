package org.dpem.sim.workload;

/**
 * What each request asks for, drawn uniformly from these ranges.
 *
 * @param minFidelityLow lowest fidelity floor
 * @param minFidelityHigh highest fidelity floor
 * @param pairsMin fewest pairs
 * @param pairsMax most pairs
 * @param deadlineMinSeconds shortest time allowed
 * @param deadlineMaxSeconds longest time allowed
 */
public record RequestShape(double minFidelityLow, double minFidelityHigh, int pairsMin,
    int pairsMax, double deadlineMinSeconds, double deadlineMaxSeconds) {
  public RequestShape {
    if (!(minFidelityLow > 0.25 && minFidelityLow <= minFidelityHigh && minFidelityHigh <= 1)) {
      throw new IllegalArgumentException("fidelity floors must satisfy 0.25 < low <= high <= 1, got "
          + minFidelityLow + ".." + minFidelityHigh);
    }
    if (pairsMin < 1 || pairsMax < pairsMin) {
      throw new IllegalArgumentException("pairs must satisfy 1 <= min <= max, got " + pairsMin + ".." + pairsMax);
    }
    if (!(deadlineMinSeconds > 0 && deadlineMaxSeconds >= deadlineMinSeconds)) {
      throw new IllegalArgumentException("deadlines must satisfy 0 < min <= max, got "
          + deadlineMinSeconds + ".." + deadlineMaxSeconds);
    }
  }

  /** Floors 0.7 to 0.9, 1 to 5 pairs, 5 to 30 s. */
  public static RequestShape defaults() {
    return new RequestShape(0.7, 0.9, 1, 5, 5, 30);
  }
}
