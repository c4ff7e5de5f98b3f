package org.dpem.learning.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LstmTest {
  private static final int H = 8;

  /**
   * A pure sine whose period (24.7 epochs) the LSTM is not told: it must learn it from the
   * sequence, and beat by far the EWMA whose level it corrects.
   */
  @Test
  void learnsAPureSineToMaseUnderAThird() {
    LstmSettings s = new LstmSettings(16, 24, 10, 2, 8, 512, 0.01, 0, 0.1, 3);
    try (Lstm lstm = new Lstm(1, 1, H, s)) {
      BatchForecaster naive = BatchForecaster.perUnit(1, u -> new SeasonalNaive(1, H, 1));
      // the EWMA its correction starts from: it lags a sine, which the LSTM must learn to lead
      BatchForecaster ewma = BatchForecaster.perUnit(1, u -> new Ewma(1, H, 0.1));
      RollingOrigin eval = new RollingOrigin(List.of(lstm, naive, ewma), 1000, new int[0]);
      long t0 = System.nanoTime();
      for (int t = 0; t < 1400; t++) {
        eval.step(new double[][] {{2 + Math.sin(2 * Math.PI * t / 24.7)}});
      }
      double mase = eval.errors("lstm").mase(eval.errors("seasonal-naive"), -1, u -> true);
      System.out.printf("sine: mase %.3f (ewma %.3f), %d rounds, loss %.4f, %.1f s%n", mase,
          eval.errors("ewma").mase(eval.errors("seasonal-naive"), -1, u -> true), lstm.rounds(),
          lstm.lastLoss(), (System.nanoTime() - t0) / 1e9);
      assertThat(mase).isLessThan(0.3)
          .isLessThan(eval.errors("ewma").mase(eval.errors("seasonal-naive"), -1, u -> true) / 3);
    }
  }

  /** Untrained, the LSTM's correction is zero: it forecasts exactly the EWMA level it corrects. */
  @Test
  void beforeAnyTrainingItForecastsTheEwmaItCorrects() {
    LstmSettings s = new LstmSettings(8, 8, Integer.MAX_VALUE, 1, 4, 64, 0.01, 10, 0.3, 5);
    Ewma ewma = new Ewma(2, 3, 0.3);
    try (Lstm lstm = new Lstm(1, 2, 3, s)) {
      for (int t = 0; t < 40; t++) {
        double[] x = {t % 4, (t * 5) % 7};
        lstm.observe(new double[][] {x});
        ewma.observe(x);
        double[][] want = ewma.forecast();
        double[][] got = lstm.forecast()[0];
        for (int h = 0; h < 3; h++) {
          assertThat(got[h]).containsExactly(want[h], within(1e-9));
        }
      }
      assertThat(lstm.rounds()).isZero();
    }
  }

  /** Each unit learns from its own history only: another unit's data never moves its forecast. */
  @Test
  void aUnitsForecastDoesNotDependOnAnotherUnitsHistory() {
    LstmSettings s = new LstmSettings(8, 8, 5, 2, 4, 64, 0.01, 10, 0.1, 7);
    try (Lstm a = new Lstm(2, 2, 3, s); Lstm b = new Lstm(2, 2, 3, s)) {
      for (int t = 0; t < 60; t++) {
        double[] mine = {t % 3, (t * 7) % 5};
        a.observe(new double[][] {mine, {0, 0}});
        b.observe(new double[][] {mine, {t % 2 * 9, 4}});
      }
      assertThat(a.rounds()).isPositive();
      assertThat(a.forecast()[0]).isDeepEqualTo(b.forecast()[0]);
      assertThat(a.forecast()[1]).isNotEqualTo(b.forecast()[1]);
    }
  }
}
