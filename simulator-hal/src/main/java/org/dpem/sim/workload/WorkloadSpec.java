package org.dpem.sim.workload;

import java.util.Objects;

/**
 * A workload: when requests arrive, between which nodes, and what they ask for.
 *
 * <p><b>Predictability.</b> How much of a workload's future can be learnt is explicit: the
 * diurnal amplitude (how strongly the rate follows the period), the burst contrast and sojourn
 * of the bursty process (bursts persist, so the recent past predicts the near future), and the
 * hotspot share (how concentrated demand is on a fixed set of pairs). {@link #predictable}
 * turns one knob {@code p} in [0, 1] into all of them: p = 0 is memoryless uniform Poisson
 * demand (nothing to forecast beyond the mean), p = 1 a full daily cycle with 80% of requests on
 * 5 hot pairs.
 */
public record WorkloadSpec(ArrivalProcess arrivals, PairChooser pairs, RequestShape shape) {
  public WorkloadSpec {
    Objects.requireNonNull(arrivals, "arrivals");
    Objects.requireNonNull(pairs, "pairs");
    Objects.requireNonNull(shape, "shape");
  }

  /** Uniform Poisson demand at {@code ratePerSecond} with default request shapes. */
  public static WorkloadSpec poisson(double ratePerSecond) {
    return new WorkloadSpec(new ArrivalProcess.Poisson(ratePerSecond), new PairChooser.Uniform(),
        RequestShape.defaults());
  }

  /**
   * Demand with tunable predictability {@code p}: diurnal arrivals at mean
   * {@code meanRatePerSecond} with amplitude p over {@code periodSeconds}, and 5 hot pairs
   * taking a share 0.8 p of the requests.
   */
  public static WorkloadSpec predictable(double meanRatePerSecond, double p, double periodSeconds) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("predictability must lie in [0, 1], got " + p);
    }
    return new WorkloadSpec(new ArrivalProcess.Diurnal(meanRatePerSecond, p, periodSeconds, 0),
        new PairChooser.Hotspot(5, 0.8 * p), RequestShape.defaults());
  }
}
