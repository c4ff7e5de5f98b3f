package org.dpem.learning.federated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.security.SecureRandom;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.dpem.learning.privacy.FractionalSeries;
import org.dpem.learning.privacy.RdpAccountant;
import org.junit.jupiter.api.Test;

class DpFedAvgTest {
  private static List<String> agents(int n) {
    return IntStream.range(0, n).mapToObj(i -> "a" + i).toList();
  }

  private static float[] random(SplittableRandom r, int d, double scale) {
    float[] v = new float[d];
    for (int i = 0; i < d; i++) {
      v[i] = (float) ((r.nextDouble() * 2 - 1) * scale);
    }
    return v;
  }

  @Test
  void zeroNoiseGivesThePlainAverage() {
    int n = 5;
    int d = 50;
    float[] w0 = random(new SplittableRandom(1), d, 1);
    DpFedAvg agg = new DpFedAvg(FedAvgSettings.of(100, 0, 1, 1e-5), w0);
    DpFedAvg.Round round = agg.open(agents(n)).orElseThrow();
    assertThat(round.participants()).hasSize(n);
    SplittableRandom r = new SplittableRandom(2);
    double[] mean = new double[d];
    for (String a : round.participants()) {
      float[] u = random(r, d, 0.5);
      for (int j = 0; j < d; j++) {
        mean[j] += u[j] / (double) n;
      }
      assertThat(agg.offer(new ClientUpdate(a, round.id(), u))).isEqualTo(Verdict.ACCEPTED);
    }
    RoundResult res = agg.close();
    for (int j = 0; j < d; j++) {
      assertThat(res.weights()[j]).isCloseTo((float) (w0[j] + mean[j]), within(1e-6f));
    }
    assertThat(res.participants()).isEqualTo(n);
    assertThat(res.epsilon()).isInfinite(); // no noise, no privacy: said as it is
  }

  @Test
  void noiseHasTheStatedStandardDeviation() {
    int n = 4;
    int d = 20_000;
    double z = 1.3;
    double s = 0.7;
    DpFedAvg agg = new DpFedAvg(FedAvgSettings.of(s, z, 1, 1e-5), new float[d]);
    DpFedAvg.Round round = agg.open(agents(n)).orElseThrow();
    for (String a : round.participants()) {
      agg.offer(new ClientUpdate(a, round.id(), new float[d]));
    }
    float[] w = agg.close().weights();
    // sum + N(0, (zS)^2), divided by the expected count n: sd zS / n per coordinate
    double expectedSd = z * s / n;
    double sum = 0;
    double sq = 0;
    double[] x = new double[d];
    for (int j = 0; j < d; j++) {
      x[j] = w[j];
      sum += w[j];
      sq += (double) w[j] * w[j];
    }
    double mean = sum / d;
    double sd = Math.sqrt(sq / d - mean * mean);
    // standard error of the sd estimate is sd / sqrt(2d) = 0.5%: allow 6 of them
    assertThat(sd / expectedSd).isCloseTo(1.0, within(0.03));
    assertThat(Math.abs(mean)).isLessThan(6 * expectedSd / Math.sqrt(d));
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(0, expectedSd), x);
    assertThat(p).as("KS test against N(0, %s)", expectedSd).isGreaterThan(1e-4);
  }

  @Test
  void clippingBoundsEveryUpdate() {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 1000; i++) {
      float[] v = random(r, 1 + r.nextInt(200), Math.pow(10, r.nextInt(-3, 6)));
      double bound = 0.01 + r.nextDouble() * 10;
      float[] c = Clipping.clip(v, bound);
      assertThat(Clipping.norm(c)).isLessThanOrEqualTo(bound);
      if (Clipping.norm(v) <= bound) {
        assertThat(c).isEqualTo(v);
      }
    }
    // an agent that does not clip is clipped by the aggregator: it moves the mean by at most S / n
    int n = 10;
    DpFedAvg agg = new DpFedAvg(FedAvgSettings.of(1.0, 0, 1, 1e-5), new float[3]);
    DpFedAvg.Round round = agg.open(agents(n)).orElseThrow();
    agg.offer(new ClientUpdate("a0", round.id(), new float[] {1e6f, -1e6f, 1e6f}));
    assertThat(Clipping.norm(agg.close().weights())).isLessThanOrEqualTo(1.0 / n);
  }

  @Test
  void lateStaleDuplicateAndUnsampledUpdatesAreDroppedAndTheDenominatorIsFixed() {
    int n = 4;
    DpFedAvg agg = new DpFedAvg(FedAvgSettings.of(10, 0, 1, 1e-5), new float[2]);
    assertThat(agg.offer(new ClientUpdate("a0", 1, new float[2]))).isEqualTo(Verdict.NO_ROUND);
    DpFedAvg.Round r1 = agg.open(agents(n)).orElseThrow();
    assertThat(agg.offer(new ClientUpdate("a0", r1.id(), new float[] {4, 0}))).isEqualTo(Verdict.ACCEPTED);
    assertThat(agg.offer(new ClientUpdate("a0", r1.id(), new float[] {4, 0}))).isEqualTo(Verdict.DUPLICATE);
    assertThat(agg.offer(new ClientUpdate("intruder", r1.id(), new float[] {4, 0}))).isEqualTo(Verdict.NOT_SAMPLED);
    assertThat(agg.offer(new ClientUpdate("a1", r1.id() - 1, new float[] {4, 0}))).isEqualTo(Verdict.STALE);
    assertThat(agg.offer(new ClientUpdate("a1", r1.id(), new float[] {4}))).isEqualTo(Verdict.MALFORMED);
    assertThat(agg.offer(new ClientUpdate("a2", r1.id(), new float[] {Float.NaN, 0}))).isEqualTo(Verdict.MALFORMED);
    assertThat(agg.offer(new ClientUpdate("a3", r1.id(), new float[] {0, 8}))).isEqualTo(Verdict.ACCEPTED);
    assertThat(agg.complete()).isFalse();
    RoundResult res = agg.close();
    // two of four answered: the sum is divided by the expected four, not by two
    assertThat(res.weights()).containsExactly(1f, 2f);
    assertThat(res.participants()).isEqualTo(2);
    assertThat(res.dropped()).isEqualTo(5);
    // the late answer to round 1 is stale once round 2 is open
    DpFedAvg.Round r2 = agg.open(agents(n)).orElseThrow();
    assertThat(r2.id()).isEqualTo(r1.id() + 1);
    assertThat(agg.offer(new ClientUpdate("a1", r1.id(), new float[] {4, 0}))).isEqualTo(Verdict.STALE);
    assertThat(agg.droppedUpdates()).isEqualTo(7);
  }

  @Test
  void poissonSamplingDrawsTheExpectedShare() {
    PoissonSampler s = new PoissonSampler(0.3, new SecureRandom());
    int n = 10_000;
    int got = s.sample(agents(n)).size();
    double sd = Math.sqrt(n * 0.3 * 0.7);
    assertThat(Math.abs(got - 0.3 * n)).isLessThan(6 * sd);
  }

  @Test
  void serverMomentumAndLearningRate() {
    DpFedAvg agg = new DpFedAvg(FedAvgSettings.of(10, 0, 1, 1e-5).withServerStep(0.5, 0.9), new float[1]);
    for (int i = 0; i < 2; i++) {
      DpFedAvg.Round r = agg.open(List.of("a")).orElseThrow();
      agg.offer(new ClientUpdate("a", r.id(), new float[] {1}));
      agg.close();
    }
    // v1 = 1, w1 = 0.5; v2 = 0.9 + 1 = 1.9, w2 = 0.5 + 0.95
    assertThat(agg.weights()[0]).isCloseTo(1.45f, within(1e-6f));
  }

  @Test
  void theBudgetStopsFederationBeforeItIsExceeded() {
    FedAvgSettings s = FedAvgSettings.of(1, 2.0, 0.5, 1e-5).withBudget(3.0);
    DpFedAvg agg = new DpFedAvg(s, new float[1]);
    int rounds = 0;
    while (agg.open(agents(2)).isPresent()) {
      agg.close();
      rounds++;
      assertThat(agg.spent().epsilon()).isLessThanOrEqualTo(3.0);
    }
    assertThat(agg.budgetExhausted()).isTrue();
    assertThat(rounds).isPositive();
    // one more round would have gone over
    double next = new RdpAccountant(RdpAccountant.defaultOrders(), FractionalSeries.ABSOLUTE)
        .compose(0.5, 2.0, rounds + 1).epsilon(1e-5).epsilon();
    assertThat(next).isGreaterThan(3.0);
    assertThat(agg.spent().epsilon()).isCloseTo(new RdpAccountant().compose(0.5, 2.0, rounds).epsilon(1e-5).epsilon(), within(1e-9));
  }
}
