package org.dpem.learning.privacy;

/**
 * The exact (epsilon, delta) of the Gaussian mechanism, from Balle and Wang, "Improving the
 * Gaussian Mechanism for Differential Privacy: Analytical Calibration and Optimal Denoising"
 * (ICML 2018), Theorem 8: with sensitivity 1 and noise standard deviation sigma,
 * delta(epsilon) = Phi(1/(2 sigma) - epsilon sigma) - e^epsilon Phi(-1/(2 sigma) - epsilon sigma).
 * T compositions of a Gaussian with noise multiplier z are one Gaussian with z / sqrt(T), so for
 * sampling rate 1 this is the tight epsilon that RDP only bounds.
 */
public final class AnalyticGaussian {
  private AnalyticGaussian() {}

  /** delta at {@code epsilon} for noise standard deviation {@code sigma} (sensitivity 1). */
  public static double delta(double sigma, double epsilon) {
    double a = 1 / (2 * sigma);
    double b = epsilon * sigma;
    double first = LogSpace.normalCdf(a - b);
    double second = LogSpace.normalCdf(-a - b);
    // e^eps * Phi(...) in log space: e^eps overflows long before the product does
    double scaled = second == 0 ? 0 : Math.exp(epsilon + Math.log(second));
    return Math.max(0, first - scaled);
  }

  /**
   * The smallest epsilon at which {@code steps} compositions of the Gaussian mechanism with noise
   * multiplier {@code z} are (epsilon, delta)-DP.
   */
  public static double epsilon(double z, long steps, double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be at least 0, got " + steps);
    }
    if (steps == 0) {
      return 0;
    }
    if (z == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double sigma = z / Math.sqrt(steps);
    if (delta(sigma, 0) <= delta) {
      return 0;
    }
    double lo = 0;
    double hi = 1;
    while (delta(sigma, hi) > delta) {
      lo = hi;
      hi *= 2;
      if (hi > 1e6) {
        return Double.POSITIVE_INFINITY;
      }
    }
    // delta is strictly decreasing in epsilon: bisect to the last representable step
    for (int i = 0; i < 200 && hi - lo > Math.ulp(hi); i++) {
      double mid = 0.5 * (lo + hi);
      if (delta(sigma, mid) > delta) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return hi;
  }
}
