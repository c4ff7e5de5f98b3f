package org.dpem.learning.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinesTest {
  @Test
  void seasonalNaiveRepeatsTheValueOneSeasonBack() {
    SeasonalNaive f = new SeasonalNaive(1, 5, 3);
    assertThat(f.forecast()[0][0]).isZero();
    f.observe(new double[] {1});
    f.observe(new double[] {2});
    // before a full season: steps whose counterpart is missing get the last value (2);
    // t = 1: step 1 -> t+1-3 = -1 missing, step 2 -> 0 (1), step 3 -> 1 (2), step 4 -> t+4-3 = 2 missing
    assertThat(column(f.forecast())).containsExactly(2, 1, 2, 2, 1);
    f.observe(new double[] {3});
    f.observe(new double[] {4});
    // history 1 2 3 4 (t = 3): step 1 -> y[1] = 2, step 2 -> y[2] = 3, step 3 -> y[3] = 4,
    // step 4 -> y[7 - 6] = y[1] = 2, step 5 -> y[2] = 3
    assertThat(column(f.forecast())).containsExactly(2, 3, 4, 2, 3);
  }

  @Test
  void seasonOfOneIsTheNaiveForecast() {
    SeasonalNaive f = new SeasonalNaive(2, 3, 1);
    f.observe(new double[] {5, 1});
    f.observe(new double[] {7, 0});
    for (double[] step : f.forecast()) {
      assertThat(step).containsExactly(7, 0);
    }
  }

  @Test
  void holtWintersFollowsItsRecurrencesComputedByHand() {
    HoltWinters f = new HoltWinters(1, 3, 2, 0.5, 0.5, 0.5);
    f.observe(new double[] {1});
    // first season: the running mean
    assertThat(column(f.forecast())).containsExactly(1, 1, 1);
    f.observe(new double[] {3});
    // season done: level 2, trend 0, seasonal (-1, +1); t = 1, next slot 0
    assertThat(column(f.forecast())).containsExactly(1, 3, 1);
    f.observe(new double[] {2});
    // slot 0, s = -1: level = 0.5 (2 + 1) + 0.5 (2 + 0) = 2.5; trend = 0.5 (0.5) = 0.25;
    // s0 = 0.5 (2 - 2.5) + 0.5 (-1) = -0.75. t = 2: step 1 slot 1 (+1): 2.5 + 0.25 + 1 = 3.75,
    // step 2 slot 0: 2.5 + 0.5 - 0.75 = 2.25, step 3 slot 1: 2.5 + 0.75 + 1 = 4.25
    double[] p = column(f.forecast());
    assertThat(p[0]).isCloseTo(3.75, within(1e-12));
    assertThat(p[1]).isCloseTo(2.25, within(1e-12));
    assertThat(p[2]).isCloseTo(4.25, within(1e-12));
  }

  @Test
  void holtWintersNeverForecastsNegativeDemand() {
    HoltWinters f = new HoltWinters(1, 4, 2, 1, 1, 0);
    for (double y : new double[] {10, 0, 5, 0, 0}) {
      f.observe(new double[] {y});
    }
    // level -5, trend -10 at the end: every unclamped step is below -19
    assertThat(column(f.forecast())).containsOnly(0.0);
  }

  @Test
  void holtWintersRefusesParametersOutsideTheUnitInterval() {
    assertThatThrownBy(() -> new HoltWinters(1, 1, 2, 0, 0, 0)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new HoltWinters(1, 1, 2, 0.5, 1.5, 0)).hasMessageContaining("beta");
  }

  @Test
  void rollingOriginScoresEachForecastAgainstTheEpochItWasMadeFor() {
    // naive (season 1) on 1, 2, 4, 8 with horizon 2, scoring from origin 0:
    // origin 0 forecasts 1, 1 for epochs 1, 2 (actual 2, 4): errors 1 (step 1), 3 (step 2);
    // origin 1 forecasts 2, 2 for epochs 2, 3 (4, 8): errors 2, 6; origin 2: 4 for epoch 3: error 4
    BatchForecaster naive = BatchForecaster.perUnit(1, u -> new SeasonalNaive(1, 2, 1));
    RollingOrigin eval = new RollingOrigin(List.of(naive), 0, new int[] {0});
    for (double y : new double[] {1, 2, 4, 8}) {
      eval.step(new double[][] {{y}});
    }
    Errors e = eval.errors("seasonal-naive");
    assertThat(e.mae(0, u -> true)).isCloseTo((1 + 2 + 4) / 3.0, within(1e-12));
    assertThat(e.mae(1, u -> true)).isCloseTo((3 + 6) / 2.0, within(1e-12));
    assertThat(e.rmse(1, u -> true)).isCloseTo(Math.sqrt((9 + 36) / 2.0), within(1e-12));
    assertThat(e.mase(e, -1, u -> true)).isEqualTo(1.0);
    assertThat(eval.tracedForecast("seasonal-naive").get(3)).containsExactly(4);
  }

  private static double[] column(double[][] f) {
    double[] c = new double[f.length];
    for (int i = 0; i < f.length; i++) {
      c[i] = f[i][0];
    }
    return c;
  }

  @Test
  void aBatchOfOneSeriesUnitsForecastsLikeOneForecasterOverAllSeries() {
    Ewma direct = new Ewma(3, 2, 0.3);
    Forecaster viaUnits = BatchForecaster.perUnit(3, u -> new Ewma(1, 2, 0.3)).asSeries();
    assertThat(viaUnits.series()).isEqualTo(3);
    for (double[] y : new double[][] {{1, 0, 4}, {3, 2, 0}, {0, 5, 1}}) {
      direct.observe(y);
      viaUnits.observe(y);
    }
    assertThat(viaUnits.forecast()).isDeepEqualTo(direct.forecast());
  }
}
