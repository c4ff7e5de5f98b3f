package org.dpem.learning.privacy;

/**
 * Renyi differential privacy of one step of the Poisson-sampled Gaussian mechanism (sampling
 * rate q, noise standard deviation z times the L2 sensitivity), at order alpha, for the
 * add-or-remove-one neighbouring relation: log(A_alpha) / (alpha - 1) with A_alpha as in Mironov,
 * Talwar and Zhang, "Renyi Differential Privacy of the Sampled Gaussian Mechanism" (2019),
 * section 3.3. Integer orders sum the finite binomial series, fractional orders the two-sided
 * series split at z0 = z^2 log(1/q - 1) + 1/2.
 */
public final class SampledGaussianRdp {
  /** dp_accounting's cap on fractional-series terms; an order that does not converge is dropped (infinite RDP). */
  private static final int MAX_FRACTIONAL_TERMS = 1000;
  /** A bound for the signed form, whose reference loop has none. */
  private static final int MAX_SIGNED_TERMS = 100_000;

  private SampledGaussianRdp() {}

  /**
   * RDP at {@code order} of one step; {@code +Infinity} where there is no privacy (z = 0) or the
   * series does not converge.
   *
   * @param q sampling rate in [0, 1]
   * @param z noise multiplier, at least 0
   * @param order Renyi order, greater than 1
   */
  public static double rdp(double q, double z, double order, FractionalSeries series) {
    if (!(q >= 0 && q <= 1)) {
      throw new IllegalArgumentException("sampling rate must be in [0, 1], got " + q);
    }
    if (!(z >= 0)) {
      throw new IllegalArgumentException("noise multiplier must be at least 0, got " + z);
    }
    if (!(order > 1)) {
      throw new IllegalArgumentException("Renyi order must be greater than 1, got " + order);
    }
    if (q == 0) {
      return 0;
    }
    if (Double.isInfinite(order) || z == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (q == 1) {
      return order / (2 * z * z);
    }
    double logA = order == Math.rint(order) && order < Integer.MAX_VALUE
        ? logAInteger(q, z, (int) order)
        : series == FractionalSeries.ABSOLUTE ? logAFractionalAbsolute(q, z, order) : logAFractionalSigned(q, z, order);
    return logA / (order - 1);
  }

  static double logAInteger(double q, double z, int alpha) {
    double logA = Double.NEGATIVE_INFINITY;
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    for (int i = 0; i <= alpha; i++) {
      double s = LogSpace.logAbsBinomial(alpha, i) + i * logQ + (alpha - i) * log1mQ + (i * (double) i - i) / (2 * z * z);
      logA = LogSpace.add(logA, s);
    }
    return logA;
  }

  /** The two halves' i-th terms, log s0 and log s1, with log |binom(alpha, i)| given. */
  private static double[] terms(double q, double z, double alpha, int i, double logCoef, double z0, double log1mQ) {
    double j = alpha - i;
    double logQ = Math.log(q);
    double logT0 = logCoef + i * logQ + j * log1mQ;
    double logT1 = logCoef + j * logQ + i * log1mQ;
    double logE0 = Math.log(0.5) + LogSpace.logErfc((i - z0) / (Math.sqrt(2) * z));
    double logE1 = Math.log(0.5) + LogSpace.logErfc((z0 - j) / (Math.sqrt(2) * z));
    return new double[] {
        logT0 + (i * (double) i - i) / (2 * z * z) + logE0,
        logT1 + (j * j - j) / (2 * z * z) + logE1};
  }

  private static double logAFractionalAbsolute(double q, double z, double alpha) {
    double z0 = z * z * Math.log(1 / q - 1) + 0.5;
    double log1mQ = Math.log1p(-q);
    double a0 = Double.NEGATIVE_INFINITY;
    double a1 = Double.NEGATIVE_INFINITY;
    double last0 = Double.NEGATIVE_INFINITY;
    double last1 = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < MAX_FRACTIONAL_TERMS; i++) {
      double[] s = terms(q, z, alpha, i, LogSpace.logAbsBinomial(alpha, i), z0, log1mQ);
      a0 = LogSpace.add(a0, s[0]);
      a1 = LogSpace.add(a1, s[1]);
      double total = LogSpace.add(a0, a1);
      if (s[0] < last0 && s[1] < last1 && Math.max(s[0], s[1]) < total - 30) {
        return total;
      }
      last0 = s[0];
      last1 = s[1];
    }
    return Double.POSITIVE_INFINITY;
  }

  private static double logAFractionalSigned(double q, double z, double alpha) {
    double z0 = z * z * Math.log(1 / q - 1) + 0.5;
    double log1mQ = Math.log1p(-q);
    double a0 = Double.NEGATIVE_INFINITY;
    double a1 = Double.NEGATIVE_INFINITY;
    int floor = (int) Math.floor(alpha);
    for (int i = 0; i < MAX_SIGNED_TERMS; i++) {
      // binom(alpha, i) = prod_{k < i} (alpha - k) / (k + 1): one sign change per k above alpha
      boolean positive = Math.max(0, i - 1 - floor) % 2 == 0;
      double[] s = terms(q, z, alpha, i, LogSpace.logAbsBinomial(alpha, i), z0, log1mQ);
      if (positive) {
        a0 = LogSpace.add(a0, s[0]);
        a1 = LogSpace.add(a1, s[1]);
      } else {
        a0 = LogSpace.sub(a0, s[0]);
        a1 = LogSpace.sub(a1, s[1]);
      }
      if (Math.max(s[0], s[1]) < -30) {
        return LogSpace.add(a0, a1);
      }
    }
    return Double.POSITIVE_INFINITY;
  }
}
