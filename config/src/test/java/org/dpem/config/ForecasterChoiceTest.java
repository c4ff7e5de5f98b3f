package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dpem.config.Yaml.ok;
import static org.dpem.config.Yaml.only;

import org.dpem.config.controller.Forecaster;
import org.junit.jupiter.api.Test;

class ForecasterChoiceTest {
  @Test
  void everyForecasterHasItsYamlName() {
    for (String name : new String[] {"lstm", "ewma", "seasonal-naive", "holt-winters"}) {
      Forecaster f = ok("controller:\n  agents:\n    forecaster: " + name + "\n").controller().agents().forecaster();
      assertThat(f.name().toLowerCase().replace('_', '-')).isEqualTo(name);
    }
  }

  @Test
  void predictiveGreedysForecasterIsItsOwnChoiceDefaultingToEwma() {
    assertThat(ok("controller:\n  agents:\n    forecaster: lstm\n").controller().stockForecaster())
        .isEqualTo(Forecaster.EWMA);
    assertThat(ok("controller:\n  predictive_greedy:\n    forecaster: holt-winters\n").controller().stockForecaster())
        .isEqualTo(Forecaster.HOLT_WINTERS);
    assertThat(only("controller:\n  predictive_greedy:\n    forcaster: ewma\n").format())
        .startsWith("t.yaml:3:5: controller.predictive_greedy");
  }

  @Test
  void anUnknownForecasterIsReportedAtItsLineWithTheKnownOnes() {
    ConfigProblem p = only("""
        controller:
          agents:
            forecaster: holt-winter
        """);
    assertThat(p.format()).startsWith("t.yaml:3:17: controller.agents.forecaster: unknown value 'holt-winter'")
        .contains("seasonal-naive").contains("did you mean 'holt-winters'?");
  }
}
