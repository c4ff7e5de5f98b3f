package org.dpem.config.workload;

/**
 * Markov-modulated Poisson arrivals: an on state and an off state with their own rates, each held
 * for an exponentially distributed time with the given mean.
 */
public record BurstyArrivals(double onRatePerS, double offRatePerS, double meanOnS, double meanOffS)
    implements ArrivalSpec {

  /** Long-run mean arrival rate. */
  public double meanRatePerS() {
    return (onRatePerS * meanOnS + offRatePerS * meanOffS) / (meanOnS + meanOffS);
  }

  @Override
  public WorkloadType type() {
    return WorkloadType.BURSTY;
  }
}
