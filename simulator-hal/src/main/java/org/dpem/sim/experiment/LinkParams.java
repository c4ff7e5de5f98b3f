package org.dpem.sim.experiment;

/**
 * One link (or each link of a chain) as a lab user describes it.
 *
 * @param lengthKm fibre length per link
 * @param attenuationDbPerKm fibre loss
 * @param sourceRatePairsPerSecond emission rate of each source
 * @param sourceFidelity F0 of emitted pairs (Werner)
 * @param detectorEfficiency eta_d at the receiving node
 * @param analyzerEfficiency eta_a of the heralding measurement
 * @param coherenceTimeSeconds depolarizing coherence time T of every memory
 * @param holdSeconds how long delivered pairs are held before they are read
 * @param durationSeconds simulated time sources run
 * @param seed run seed
 * @param darkCountsPerSecond detector dark counts (0: none)
 * @param windowSeconds analyzer coincidence window
 */
public record LinkParams(double lengthKm, double attenuationDbPerKm, double sourceRatePairsPerSecond,
    double sourceFidelity, double detectorEfficiency, double analyzerEfficiency,
    double coherenceTimeSeconds, double holdSeconds, double durationSeconds, long seed,
    double darkCountsPerSecond, double windowSeconds) {

  public LinkParams {
    if (!(durationSeconds > 0)) {
      throw new IllegalArgumentException("duration must be > 0 s, got " + durationSeconds);
    }
    if (!(holdSeconds >= 0)) {
      throw new IllegalArgumentException("hold must be >= 0 s, got " + holdSeconds);
    }
    if (!(sourceRatePairsPerSecond > 0)) {
      throw new IllegalArgumentException("source rate must be > 0 pairs/s, got " + sourceRatePairsPerSecond);
    }
  }

  /** 10 km at 0.2 dB/km, 1000 pairs/s of F0 0.95, eta_d 0.9, eta_a 0.5, T = 1 s, hold 0.1 s, 10 s. */
  public static LinkParams defaults() {
    return new LinkParams(10, 0.2, 1000, 0.95, 0.9, 0.5, 1.0, 0.1, 10, 1, 0, 1e-9);
  }
}
