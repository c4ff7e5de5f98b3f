package org.dpem.learning.privacy;

import java.util.function.DoubleUnaryOperator;

/** The smallest noise multiplier that keeps a run within a target epsilon. */
public final class NoiseCalibration {
  private NoiseCalibration() {}

  /**
   * The smallest noise multiplier z (to a relative 1e-9) such that {@code steps} rounds at
   * sampling rate q stay at or below {@code targetEpsilon} at {@code delta}, as the RDP accountant
   * on {@code orders} computes it. Epsilon falls as z grows, so a bisection finds it.
   *
   * @throws IllegalArgumentException if no noise multiplier up to 1e6 meets the target
   */
  public static double noiseMultiplier(double q, long steps, double delta, double targetEpsilon, double[] orders,
      FractionalSeries series) {
    if (!(targetEpsilon > 0)) {
      throw new IllegalArgumentException("target epsilon must be greater than 0, got " + targetEpsilon);
    }
    DoubleUnaryOperator eps = z -> new RdpAccountant(orders, series).compose(q, z, steps).epsilon(delta).epsilon();
    double hi = 1;
    while (eps.applyAsDouble(hi) > targetEpsilon) {
      hi *= 2;
      if (hi > 1e6) {
        throw new IllegalArgumentException("no noise multiplier up to 1e6 reaches epsilon " + targetEpsilon
            + " in " + steps + " steps at sampling rate " + q + " and delta " + delta);
      }
    }
    double lo = 0;
    while (hi - lo > 1e-9 * hi) {
      double mid = 0.5 * (lo + hi);
      if (eps.applyAsDouble(mid) > targetEpsilon) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
