package org.dpem.learning.privacy;

/**
 * How the RDP of the sampled Gaussian mechanism is summed at a fractional order. The public
 * accountants differ here, and both forms are published, so both are offered.
 *
 * <p>For a fractional order alpha the series of Mironov, Talwar and Zhang (2019, section 3.3) has
 * binomial coefficients binom(alpha, i) that change sign once i exceeds alpha. Integer orders are
 * unaffected: their series is finite and every term is positive.
 */
public enum FractionalSeries {
  /**
   * Every term added with its magnitude, as Google's dp_accounting {@code RdpAccountant} (and
   * TensorFlow Privacy built on it) computes it: an upper bound on the exact series, so the
   * epsilon is never smaller than the signed form's. The default: on this side errors are safe.
   */
  ABSOLUTE,
  /**
   * Terms added or subtracted by the sign of their coefficient, as Opacus
   * ({@code opacus.accountants.analysis.rdp}) and TensorFlow Privacy's original
   * {@code rdp_accountant} compute it: the exact series.
   */
  SIGNED
}
