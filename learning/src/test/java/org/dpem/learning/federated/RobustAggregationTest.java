package org.dpem.learning.federated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A federated least-squares run of 20 agents, each on its own data, with 10% of the agents
 * poisoned (they send their honest update sign-flipped and scaled by 10): the robust rules keep
 * the final model within 5% of the clean run's, the plain mean does not.
 */
class RobustAggregationTest {
  private static final int AGENTS = 20;
  private static final int FEATURES = 8;
  private static final int ROUNDS = 40;

  private static LeastSquaresModel.Samples data(int agent) {
    SplittableRandom r = new SplittableRandom(1000 + agent);
    double[] w = new double[FEATURES];
    for (int i = 0; i < FEATURES; i++) {
      // a shared truth plus a little per-agent heterogeneity
      w[i] = (i % 3 - 1) * 1.5 + 0.3 + 0.05 * r.nextGaussian();
    }
    double[][] x = new double[200][FEATURES];
    double[] y = new double[200];
    for (int k = 0; k < y.length; k++) {
      double s = 0.5;
      for (int i = 0; i < FEATURES; i++) {
        x[k][i] = r.nextDouble() * 2 - 1;
        s += w[i] * x[k][i];
      }
      y[k] = s + 0.1 * r.nextGaussian();
    }
    return new LeastSquaresModel.Samples(x, y);
  }

  private static float[] run(Robust rule, int poisoned) {
    List<String> ids = IntStream.range(0, AGENTS).mapToObj(i -> "a" + i).toList();
    FedAvgSettings s = FedAvgSettings.of(5.0, 0, 1, 1e-5).withRobust(rule, 0.1, 2.5);
    DpFedAvg agg = new DpFedAvg(s, new float[FEATURES + 1]);
    for (int round = 0; round < ROUNDS; round++) {
      DpFedAvg.Round r = agg.open(ids).orElseThrow();
      for (String id : r.participants()) {
        int a = Integer.parseInt(id.substring(1));
        LeastSquaresModel m = new LeastSquaresModel(FEATURES);
        m.setParameters(r.weights());
        m.train(data(a), 1, 0.05, round * 100L + a);
        float[] delta = Clipping.clippedDelta(r.weights(), m.parameters(), s.clipNorm());
        if (a < poisoned) {
          for (int j = 0; j < delta.length; j++) {
            delta[j] *= -10;
          }
        }
        agg.offer(new ClientUpdate(id, r.id(), delta));
      }
      agg.close();
    }
    return agg.weights();
  }

  private static double relativeDistance(float[] a, float[] b) {
    double d = 0;
    double n = 0;
    for (int i = 0; i < a.length; i++) {
      d += (a[i] - b[i]) * (double) (a[i] - b[i]);
      n += b[i] * (double) b[i];
    }
    return Math.sqrt(d / n);
  }

  @Test
  void robustRulesKeepAPoisonedRunWithinFivePercentOfTheCleanOne() {
    float[] clean = run(Robust.NONE, 0);
    // the clean run learned something: its model predicts held-out data of agent 0 well
    LeastSquaresModel m = new LeastSquaresModel(FEATURES);
    m.setParameters(clean);
    assertThat(m.mse(data(0))).isLessThan(0.05);

    int poisoned = AGENTS / 10;
    double mean = relativeDistance(run(Robust.NONE, poisoned), clean);
    double trimmed = relativeDistance(run(Robust.TRIMMED_MEAN, poisoned), clean);
    double median = relativeDistance(run(Robust.MEDIAN, poisoned), clean);
    double bounded = relativeDistance(run(Robust.NORM_BOUND, poisoned), clean);
    System.out.printf("poisoned run vs clean run: mean %.4f, norm bound %.4f, trimmed mean %.4f, median %.4f%n",
        mean, bounded, trimmed, median);
    assertThat(trimmed).isLessThan(0.05);
    assertThat(median).isLessThan(0.05);
    // without a robust rule the same attack is not contained: the test can tell the difference
    assertThat(mean).isGreaterThan(0.05);
  }
}
