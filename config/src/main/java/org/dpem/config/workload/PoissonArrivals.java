package org.dpem.config.workload;

/** Network-wide Poisson arrivals; source and destination uniform over distinct node pairs. */
public record PoissonArrivals(double ratePerS) implements ArrivalSpec {
  @Override
  public WorkloadType type() {
    return WorkloadType.POISSON;
  }
}
