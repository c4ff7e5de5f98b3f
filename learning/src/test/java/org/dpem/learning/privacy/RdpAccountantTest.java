package org.dpem.learning.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The accountant against the test values published with the public accountants, on the same
 * orders. Where a source publishes more than six significant digits the agreement asked is a
 * relative 1e-6; where it publishes fewer, its own test's tolerance is used and said so.
 */
class RdpAccountantTest {
  private static final double REL = 1e-6;

  private static void assertRelative(double actual, double expected) {
    assertThat(Math.abs(actual - expected) / Math.abs(expected)).as("%s vs %s", actual, expected).isLessThanOrEqualTo(REL);
  }

  private static double[] rdp(double q, double z, long steps, double[] orders, FractionalSeries s) {
    return new RdpAccountant(orders, s).compose(q, z, steps).rdp();
  }

  // google/differential-privacy python/dp_accounting/dp_accounting/rdp/rdp_privacy_accountant_test.py,
  // test_compute_rdp_poisson_sampled_gaussian (their tolerance rtol=1e-4; the values carry 9 digits)
  @Test
  void dpAccountingPoissonSampledGaussian() {
    double[] orders = {1.5, 2.5, 5, 50, 100};
    double[] expected = {6.70579741e-04, 1.08548710e-03, 2.18075656e-03, 2.38460375e-02, 1.67416308e02};
    double[] got = rdp(0.01, 2.5, 50, orders, FractionalSeries.ABSOLUTE);
    for (int i = 0; i < orders.length; i++) {
      // the published values are rounded to 9 significant digits
      assertThat(Math.abs(got[i] - expected[i]) / expected[i]).as("order %s: %s", orders[i], got[i]).isLessThan(REL);
    }
    assertThat(SampledGaussianRdp.rdp(0.01, 2.5, Double.POSITIVE_INFINITY, FractionalSeries.ABSOLUTE)).isInfinite();
  }

  // tensorflow/privacy tensorflow_privacy/privacy/analysis/rdp_accountant_test.py, test_compute_rdp_sequence:
  // published to 2-6 significant digits with absolute tolerance 1e-5, which is what is checked here.
  // Its fractional orders use the signed series (the original rdp_accountant, as Opacus).
  @Test
  void tensorflowPrivacyRdpSequence() {
    double[] orders = {1.5, 2.5, 5, 50, 100};
    double[] expected = {0.00065, 0.001085, 0.00218075, 0.023846, 167.416307};
    double[] got = rdp(0.01, 2.5, 50, orders, FractionalSeries.SIGNED);
    for (int i = 0; i < orders.length; i++) {
      assertThat(got[i]).as("order %s", orders[i]).isCloseTo(expected[i], within(1e-5));
    }
    // the two public series differ at fractional orders only; integer orders agree exactly
    double[] abs = rdp(0.01, 2.5, 50, orders, FractionalSeries.ABSOLUTE);
    assertThat(abs[0]).isGreaterThan(got[0] + 1e-5);
    assertThat(abs[2]).isEqualTo(got[2]);
  }

  // tensorflow/privacy rdp_accountant_test.py: test_compute_rdp_scalar (places=5), test_compute_rdp_no_sampling,
  // test_compute_rdp_no_data
  @Test
  void tensorflowPrivacyScalarCases() {
    assertThat(SampledGaussianRdp.rdp(0.1, 2, 5, FractionalSeries.SIGNED) * 10).isCloseTo(0.07737, within(5e-6));
    assertThat(SampledGaussianRdp.rdp(1, 10, 20, FractionalSeries.SIGNED)).isEqualTo(0.1);
    assertThat(SampledGaussianRdp.rdp(0, 10, 20, FractionalSeries.SIGNED)).isZero();
  }

  // tensorflow/privacy rdp_accountant_test.py test_get_privacy_spent_check_target_delta and
  // dp_accounting rdp_privacy_accountant_test.py test_compute_epsilon_delta_pure_dp:
  // constant RDP 1.1 on orders 2..32 at delta 1e-5 gives epsilon 1.32783806176 at order 32.
  @Test
  void pureDpConversion() {
    double[] orders = IntStream.rangeClosed(2, 32).asDoubleStream().toArray();
    double[] rdp = new double[orders.length];
    java.util.Arrays.fill(rdp, 1.1);
    PrivacySpent p = RdpAccountant.epsilon(orders, rdp, 1e-5);
    assertRelative(p.epsilon(), 1.32783806176);
    assertThat(p.order()).isEqualTo(32);
  }

  // both test files above (test_get_privacy_spent_check_target_delta, test_compute_epsilon_delta_gaussian):
  // sampling rate 1, noise multiplier 4.530877117, orders 1.001..99.999 by 0.001 (their grid starts at 1.0,
  // which the conversion skips anyway), delta 1e-6: epsilon 1 (assertAlmostEqual, 7 places).
  // The exact (analytic) epsilon of the same Gaussian is smaller: the RDP conversion is an upper bound.
  @Test
  void gaussianWithoutSampling() {
    double[] orders = IntStream.range(1001, 100000).mapToDouble(i -> 0.001 * i).toArray();
    double[] rdp = rdp(1, 4.530877117, 1, orders, FractionalSeries.ABSOLUTE);
    assertRelative(RdpAccountant.epsilon(orders, rdp, 1e-6).epsilon(), 1.0);
    double exact = AnalyticGaussian.epsilon(4.530877117, 1, 1e-6);
    assertThat(exact).isLessThan(1.0);
    assertThat(AnalyticGaussian.delta(4.530877117, exact)).isCloseTo(1e-6, withinPercentage(1e-6));
  }

  // dp_accounting test_delta_bounds_gaussian / tensorflow privacy test_get_privacy_spent_gaussian state the
  // optimal delta of the Gaussian with sigma 1 (arXiv 1805.06530, Theorem 8) as
  // erfc((eps - .5) / sqrt 2) / 2 - exp(eps) erfc((eps + .5) / sqrt 2) / 2; the RDP delta must not be below it.
  @Test
  void analyticDeltaIsTheOptimalGaussianBound() {
    double[] orders = IntStream.range(10, 505).mapToDouble(x -> 0.1 * x).toArray();
    RdpAccountant a = new RdpAccountant(java.util.Arrays.copyOfRange(orders, 1, orders.length), FractionalSeries.ABSOLUTE)
        .compose(1, 1, 1);
    for (int i = 0; i < 500; i++) {
      double eps = 0.1 * i;
      double delta0 = org.apache.commons.math3.special.Erf.erfc((eps - .5) / Math.sqrt(2)) / 2
          - Math.exp(eps) * org.apache.commons.math3.special.Erf.erfc((eps + .5) / Math.sqrt(2)) / 2;
      assertThat(AnalyticGaussian.delta(1, eps)).isCloseTo(Math.max(0, delta0), within(1e-15 + 1e-9 * delta0));
      assertThat(delta0).isLessThanOrEqualTo(a.delta(eps) + 1e-300);
    }
  }

  // pytorch/opacus opacus/tests/accountants_test.py test_rdp_accountant: noise 1.5, sampling rate 0.04,
  // int(90 / 0.04) = 2250 steps, delta 1e-5, Opacus's default orders -> 7.32911117143
  @Test
  void opacusRdpAccountant() {
    double[] opacusOrders = java.util.stream.DoubleStream.concat(
        IntStream.range(1, 100).mapToDouble(x -> 1 + x / 10.0), IntStream.range(12, 64).asDoubleStream()).toArray();
    PrivacySpent p = new RdpAccountant(opacusOrders, FractionalSeries.SIGNED).compose(0.04, 1.5, 2250).epsilon(1e-5);
    assertRelative(p.epsilon(), 7.32911117143);
  }

  // dp_accounting test_compute_rdp_gaussian: without sampling the RDP is alpha / (2 sigma^2)
  @Test
  void plainGaussian() {
    assertRelative(SampledGaussianRdp.rdp(1, 2.71828, 3.14159, FractionalSeries.ABSOLUTE), 3.14159 / (2 * 2.71828 * 2.71828));
  }

  @Test
  void epsilonGrowsWithStepsAndFallsWithNoise() {
    double last = 0;
    for (long steps : new long[] {1, 10, 100, 1000, 10000}) {
      double e = new RdpAccountant().compose(0.1, 1.1, steps).epsilon(1e-5).epsilon();
      assertThat(e).isGreaterThan(last);
      last = e;
    }
    last = Double.POSITIVE_INFINITY;
    for (double z : new double[] {0.5, 0.8, 1.1, 2, 5, 10}) {
      double e = new RdpAccountant().compose(0.1, z, 500).epsilon(1e-5).epsilon();
      assertThat(e).isLessThan(last);
      last = e;
    }
  }

  @Test
  void analyticGaussianIsTighterThanRdpAndComposes() {
    for (long t : new long[] {1, 10, 100}) {
      double exact = AnalyticGaussian.epsilon(3, t, 1e-5);
      double rdp = new RdpAccountant().compose(1, 3, t).epsilon(1e-5).epsilon();
      assertThat(exact).isLessThan(rdp);
      // T compositions of z equal one Gaussian with z / sqrt(T)
      assertThat(exact).isCloseTo(AnalyticGaussian.epsilon(3 / Math.sqrt(t), 1, 1e-5), withinPercentage(1e-9));
      assertThat(AnalyticGaussian.delta(3 / Math.sqrt(t), exact)).isCloseTo(1e-5, withinPercentage(1e-6));
    }
  }

  @Test
  void deltaInvertsEpsilon() {
    RdpAccountant a = new RdpAccountant().compose(0.05, 1.2, 300);
    PrivacySpent p = a.epsilon(1e-6);
    assertThat(a.delta(p.epsilon())).isCloseTo(1e-6, withinPercentage(1e-6));
  }

  // pytorch/opacus opacus/tests/accountants_test.py test_get_noise_multiplier_rdp_steps: target epsilon 8,
  // delta 1e-5, sampling rate 0.04, 2000 steps -> 1.3562 (assertAlmostEqual places=4; Opacus bisects to an
  // epsilon tolerance of 0.01 from below, so its answer lies a little above the smallest noise multiplier:
  // ours, the smallest to 1e-9, must not exceed it and must lie within that tolerance of it)
  @Test
  void opacusNoiseMultiplierForATarget() {
    double[] opacusOrders = java.util.stream.DoubleStream.concat(
        IntStream.range(1, 100).mapToDouble(x -> 1 + x / 10.0), IntStream.range(12, 64).asDoubleStream()).toArray();
    double z = NoiseCalibration.noiseMultiplier(0.04, 2000, 1e-5, 8, opacusOrders, FractionalSeries.SIGNED);
    assertThat(z).isLessThanOrEqualTo(1.3562 + 5e-5).isCloseTo(1.3562, within(2e-4));
    // Opacus's own acceptance check: epsilon at its noise multiplier is below the target
    assertThat(new RdpAccountant(opacusOrders, FractionalSeries.SIGNED).compose(0.04, 1.3562, 2000).epsilon(1e-5)
        .epsilon()).isLessThan(8);
  }

  @Test
  void calibrationFindsTheSmallestNoise() {
    double[] orders = RdpAccountant.defaultOrders();
    double z = NoiseCalibration.noiseMultiplier(0.04, 2000, 1e-5, 8, orders, FractionalSeries.ABSOLUTE);
    assertThat(new RdpAccountant().compose(0.04, z, 2000).epsilon(1e-5).epsilon()).isLessThanOrEqualTo(8);
    assertThat(new RdpAccountant().compose(0.04, z * (1 - 1e-6), 2000).epsilon(1e-5).epsilon()).isGreaterThan(8);
  }

  @Test
  void noNoiseMeansNoGuarantee() {
    assertThat(new RdpAccountant().compose(0.1, 0, 1).epsilon(1e-5).epsilon()).isInfinite();
    assertThat(new RdpAccountant().compose(0, 1, 100).epsilon(1e-5).epsilon()).isZero();
  }
}
