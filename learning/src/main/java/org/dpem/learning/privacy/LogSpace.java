package org.dpem.learning.privacy;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** Arithmetic on logarithms, so that the accountant's sums of tiny and huge terms neither underflow nor overflow. */
final class LogSpace {
  private LogSpace() {}

  /** log(exp(x) + exp(y)). */
  static double add(double x, double y) {
    double a = Math.min(x, y);
    double b = Math.max(x, y);
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    return Math.log1p(Math.exp(a - b)) + b;
  }

  /** log(exp(x) - exp(y)) for x >= y; the signed series subtracts only smaller terms. */
  static double sub(double x, double y) {
    if (x < y) {
      throw new ArithmeticException("log-space subtraction would be negative: " + x + " < " + y);
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    if (x == y) {
      return Double.NEGATIVE_INFINITY;
    }
    double d = Math.expm1(x - y);
    return Double.isInfinite(d) ? x : Math.log(d) + y;
  }

  /** log |Gamma(x)|, also for negative non-integer x (reflection), as scipy's gammaln. */
  static double logAbsGamma(double x) {
    if (x > 0) {
      return Gamma.logGamma(x);
    }
    if (x == Math.rint(x)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.log(Math.PI) - Math.log(Math.abs(Math.sin(Math.PI * x))) - Gamma.logGamma(1 - x);
  }

  /** log |binomial(n, k)| for real n and integer k >= 0. */
  static double logAbsBinomial(double n, int k) {
    return logAbsGamma(n + 1) - logAbsGamma(k + 1) - logAbsGamma(n - k + 1);
  }

  /**
   * log(erfc(x)), accurate far into the tail where erfc itself underflows (beyond x of about
   * 26): there the asymptotic series of erfc is summed in log space.
   */
  static double logErfc(double x) {
    if (x < 20) {
      return Math.log(Erf.erfc(x));
    }
    double x2 = x * x;
    // erfc(x) = exp(-x^2) / (x sqrt(pi)) * (1 - 1/(2x^2) + 3/(2x^2)^2 - 15/(2x^2)^3 + ...)
    double term = 1;
    double sum = 1;
    for (int n = 1; n < 12; n++) {
      term *= -(2 * n - 1) / (2 * x2);
      sum += term;
    }
    return -x2 - Math.log(x) - 0.5 * Math.log(Math.PI) + Math.log(sum);
  }

  /** The standard normal distribution function, accurate in both tails. */
  static double normalCdf(double x) {
    return 0.5 * Erf.erfc(-x / Math.sqrt(2));
  }
}
