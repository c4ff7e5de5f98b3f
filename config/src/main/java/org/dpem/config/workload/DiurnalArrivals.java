package org.dpem.config.workload;

/**
 * Non-homogeneous Poisson arrivals with rate {@code ratePerS * (1 + amplitude * sin(2 pi t / periodS))}.
 *
 * @param amplitude relative swing in [0, 1]
 */
public record DiurnalArrivals(double ratePerS, double periodS, double amplitude) implements ArrivalSpec {
  @Override
  public WorkloadType type() {
    return WorkloadType.DIURNAL;
  }
}
