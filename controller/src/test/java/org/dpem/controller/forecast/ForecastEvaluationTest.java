package org.dpem.controller.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dpem.config.DpemConfig;
import org.dpem.config.ShippedExamples;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.learning.forecast.LstmSettings;
import org.junit.jupiter.api.Test;

class ForecastEvaluationTest {
  /** The default paper scenario, half an hour in 5 s steps (as dpem forecast scores it, shorter). */
  @Test
  void onThePaperScenarioTheLstmBeatsSeasonalNaiveAndEwma() throws Exception {
    DpemConfig cfg = ShippedExamples.load("paper-100");
    Scenario sc = ScenarioBuilder.build(cfg);
    int epochMs = cfg.controller().epochMs();
    int step = ForecastSpec.stepEpochs(epochMs);
    int season = ForecastSpec.seasonEpochs(cfg.workload(), epochMs * step);
    long steps = 1800_000L / (epochMs * step);
    ForecastEvaluation.Result r = ForecastEvaluation.run(sc.model(), epochMs * 1_000_000L,
        () -> sc.arrivals().apply(1), new ForecastEvaluation.Settings(steps, steps / 4, 8,
            ForecastSpec.GROUPS, season, step, LstmSettings.defaults(season, 1)));
    Map<String, ForecastEvaluation.MethodScore> m = r.methods().stream()
        .collect(Collectors.toMap(ForecastEvaluation.MethodScore::name, Function.identity()));
    System.out.printf("paper-100, 1800 s: mase lstm %.4f ewma %.4f holt-winters %.4f%n",
        m.get("lstm").mase(), m.get("ewma").mase(), m.get("holt-winters").mase());
    assertThat(m.get("seasonal-naive").mase()).isEqualTo(1.0);
    assertThat(m.get("lstm").mase()).isLessThan(1.0).isLessThan(m.get("ewma").mase());
    assertThat(r.nodes()).isEqualTo(100);
    assertThat(r.lstmRounds()).isPositive();
  }

  @Test
  void nodeGroupsAreQuartersByDemandBusiestFirst() {
    Map<String, int[]> g = ForecastEvaluation.quartiles(new double[] {1, 8, 3, 5, 0, 2, 7, 4});
    assertThat(g.keySet()).containsExactly("busiest-quarter", "second-quarter", "third-quarter", "quietest-quarter");
    assertThat(g.get("busiest-quarter")).containsExactly(1, 6);
    assertThat(g.get("quietest-quarter")).containsExactly(0, 4);
  }
}
