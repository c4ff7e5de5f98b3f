package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dpem.config.Yaml.ok;
import static org.dpem.config.Yaml.only;

import java.util.Map;
import org.dpem.config.controller.GreedyConfig;
import org.dpem.config.controller.GreedyOrder;
import org.dpem.config.network.GenerationReading;
import org.dpem.config.network.GeneratorSpec;
import org.dpem.config.workload.MixedArrivals;
import org.junit.jupiter.api.Test;

/** The mixed workload, the generation reading and greedy's parameters: values, defaults, errors. */
class MixedWorkloadConfigTest {

  @Test
  void mixedWorkloadReadsEveryKeyAndDefaultsToACycleShorterThanARun() {
    MixedArrivals m = (MixedArrivals) ok("""
        network:
          generator: {type: grid, rows: 2, cols: 2}
        workload:
          type: mixed
          rate_per_s: 3
          burst_factor: 2
          node_weights: {n0: 5, n3: 0.5}
        """).workload().arrivals();
    assertThat(m.ratePerS()).isEqualTo(3);
    assertThat(m.burstFactor()).isEqualTo(2);
    assertThat(m.nodeWeights()).isEqualTo(Map.of("n0", 5.0, "n3", 0.5));
    assertThat(m.periodS()).isLessThan(600);
    assertThat(m.hotspots()).isPositive();
  }

  @Test
  void aWeightForAnUnknownNodeIsPinnedToItsKey() {
    ConfigProblem p = only("""
        network:
          generator: {type: grid, rows: 2, cols: 2}
        workload:
          type: mixed
          node_weights: {n0: 5, n9: 1}
        """);
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.column()).isEqualTo(25);
    assertThat(p.key()).isEqualTo("workload.node_weights.n9");
    assertThat(p.message()).contains("no node 'n9'");
  }

  @Test
  void aNonPositiveWeightAndABurstBelowOneAreRefusedWhereTheyAre() {
    ConfigProblem w = only("""
        network:
          generator: {type: grid, rows: 2, cols: 2}
        workload:
          type: mixed
          node_weights: {n0: 0}
        """);
    assertThat(w.line()).isEqualTo(5);
    assertThat(w.key()).isEqualTo("workload.node_weights.n0");
    ConfigProblem b = only("""
        workload:
          type: mixed
          burst_factor: 0.5
        """);
    assertThat(b.line()).isEqualTo(3);
    assertThat(b.key()).isEqualTo("workload.burst_factor");
  }

  @Test
  void mixedKeysDoNotApplyToOtherTypes() {
    ConfigProblem p = only("""
        workload:
          type: poisson
          hotspot_lifetime_s: 60
        """);
    assertThat(p.line()).isEqualTo(3);
    assertThat(p.message()).contains("does not apply");
  }

  @Test
  void generationReadingAndGreedyParameters() {
    DpemConfig c = ok("""
        network:
          generator: {type: chain, hops: 3, generation_reading: heralded}
        controller:
          greedy: {rate_margin: 4, order: cheapest-first}
        """);
    assertThat(((GeneratorSpec) c.network()).generationReading()).isEqualTo(GenerationReading.HERALDED);
    assertThat(c.controller().greedy()).isEqualTo(new GreedyConfig(4, GreedyOrder.CHEAPEST_FIRST));
    assertThat(c.controller().greedyTuned()).isEqualTo(GreedyConfig.TUNED);
    ConfigProblem p = only("""
        controller:
          greedy: {rate_margin: 0.5}
        """);
    assertThat(p.key()).isEqualTo("controller.greedy.rate_margin");
    assertThat(p.line()).isEqualTo(2);
  }
}
