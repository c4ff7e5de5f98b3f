package org.dpem.sim.physics;

/** Detectors and heralding: efficiencies and dark counts. */
public final class Detection {
  private Detection() {}

  /** Probability of at least one dark click within {@code windowSeconds}: 1 - exp(-R tau). */
  public static double darkClickProbability(double darkCountsPerSecond, double windowSeconds) {
    Fibre.requireNonNegative(darkCountsPerSecond, "dark count rate (1/s)");
    Fibre.requireNonNegative(windowSeconds, "window (s)");
    return -Math.expm1(-darkCountsPerSecond * windowSeconds);
  }

  /**
   * Probability that one emitted pair is heralded correctly: its travelling photon survives the
   * fibre (eta), is detected (eta_d) and the heralding measurement succeeds (eta_a).
   */
  public static double heraldProbability(double eta, double detectorEfficiency,
      double analyzerEfficiency) {
    return probability(eta, "transmissivity") * probability(detectorEfficiency, "detector efficiency")
        * probability(analyzerEfficiency, "analyzer efficiency");
  }

  /**
   * Probability that an emission is heralded falsely: the photon is lost or missed, a dark click
   * falls in the window and the heralding measurement accepts it. Such pairs carry no
   * entanglement (fidelity 1/4).
   */
  public static double falseHeraldProbability(double eta, double detectorEfficiency,
      double analyzerEfficiency, double darkClickProbability) {
    return (1 - eta * detectorEfficiency) * probability(darkClickProbability, "dark click probability")
        * analyzerEfficiency;
  }

  /**
   * Heralding between two memories through a midpoint analyzer (Barrett-Kok style): about
   * (1/2) eta_A eta_B per attempt, the 1/2 being the linear-optics Bell measurement.
   */
  public static double midpointHeraldProbability(double etaA, double etaB) {
    return 0.5 * probability(etaA, "eta_A") * probability(etaB, "eta_B");
  }

  static double probability(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must lie in [0, 1], got " + p);
    }
    return p;
  }
}
