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
