package org.dpem.learning.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LstmTest {
  private static final int H = 8;

  /** A pure sine whose period (24.7 epochs) the LSTM is not told: it must learn it from the sequence. */
  @Test
  void learnsAPureSineToMaseUnderAThird() {
    LstmSettings s = new LstmSettings(16, 24, 10, 2, 8, 512, 0.01, 0, 3);
    try (Lstm lstm = new Lstm(1, 1, H, s)) {
      BatchForecaster naive = BatchForecaster.perUnit(1, u -> new SeasonalNaive(1, H, 1));
      RollingOrigin eval = new RollingOrigin(List.of(lstm, naive), 1000, new int[0]);
      long t0 = System.nanoTime();
      for (int t = 0; t < 1400; t++) {
        eval.step(new double[][] {{2 + Math.sin(2 * Math.PI * t / 24.7)}});
      }
      double mase = eval.errors("lstm").mase(eval.errors("seasonal-naive"), -1, u -> true);
      System.out.printf("sine: mase %.3f, %d rounds, loss %.4f, %.1f s%n", mase, lstm.rounds(),
          lstm.lastLoss(), (System.nanoTime() - t0) / 1e9);
      assertThat(mase).isLessThan(0.3);
    }
  }
}
