package org.dpem.controller.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.config.ShippedExamples;
import org.dpem.config.network.GeneratorSpec;
import org.junit.jupiter.api.Test;

class ConfigOverridesTest {
  private static final String PAPER = ShippedExamples.text("paper-100");

  @Test
  void theSeedFixesTopologyAndWorkload() throws Exception {
    DpemConfig c = ConfigLoader.parse(ConfigOverrides.apply(PAPER, 17, Map.of()), "t");
    assertThat(c.workload().seed()).isEqualTo(17);
    GeneratorSpec g = (GeneratorSpec) c.network();
    assertThat(g.seed()).isEqualTo(17);
  }

  @Test
  void loadScalesEveryArrivalRateAndNodesSetsTheSize() throws Exception {
    String a = ConfigOverrides.apply(PAPER, 1, Map.of());
    String b = ConfigOverrides.apply(PAPER, 1, Map.of("load", "2", "nodes", "30"));
    assertThat(rates(b)).isEqualTo(2 * rates(a), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(((GeneratorSpec) ConfigLoader.parse(b, "t").network()).nodes()).isEqualTo(30);
  }

  @Test
  void aDottedKeyReachesAnySetting() throws Exception {
    String y = ConfigOverrides.apply(PAPER, 1, Map.of("controller.epoch_ms", "1000"));
    assertThat(ConfigLoader.parse(y, "t").controller().epochMs()).isEqualTo(1000);
  }

  @Test
  void badSweepsSayWhatIsWrong() {
    assertThatThrownBy(() -> ConfigOverrides.apply(PAPER, 1, Map.of("load", "x")))
        .hasMessageContaining("load=x").hasMessageContaining("not a number");
    assertThatThrownBy(() -> ConfigOverrides.apply(PAPER, 1, Map.of("load", "-1")))
        .hasMessageContaining("positive");
    String explicit = "version: 1\nnetwork:\n  nodes: [{id: a}, {id: b}]\n";
    assertThatThrownBy(() -> ConfigOverrides.apply(explicit, 1, Map.of("nodes", "5")))
        .hasMessageContaining("no generator");
  }

  /** Sum of every *rate_per_s number in the YAML text. */
  private static double rates(String yaml) {
    double s = 0;
    for (String line : yaml.split("\n")) {
      String t = line.trim();
      if (t.matches("[a-z_]*rate_per_s: [0-9.eE+-]+")) {
        s += Double.parseDouble(t.substring(t.indexOf(':') + 1).trim());
      }
    }
    return s;
  }
}
