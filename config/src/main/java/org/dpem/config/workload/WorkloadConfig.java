package org.dpem.config.workload;

import java.util.Objects;

/** The request workload: arrivals, request shape and the seed that makes it repeatable. */
public record WorkloadConfig(ArrivalSpec arrivals, RequestShape requests, long seed) {
  public static final WorkloadConfig DEFAULT = new WorkloadConfig(new PoissonArrivals(5.0), RequestShape.DEFAULT, 1L);

  public WorkloadConfig {
    Objects.requireNonNull(arrivals);
    Objects.requireNonNull(requests);
  }
}
