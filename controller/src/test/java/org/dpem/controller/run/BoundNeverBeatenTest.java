package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;

/**
 * No policy beats the time-indexed bound: random small networks and workloads, every baseline,
 * a simulated minute each. The bound is on expected delivery, so a run is allowed three standard
 * deviations of a Poisson count of that size above it, and no more.
 */
class BoundNeverBeatenTest {

  @Property(tries = 12)
  void noPolicyBeatsTheBound(@ForAll @IntRange(min = 4, max = 7) int nodes,
      @ForAll @DoubleRange(min = 0.2, max = 4) double ratePerS,
      @ForAll @DoubleRange(min = 1, max = 20) double coherenceS,
      @ForAll @DoubleRange(min = 0.6, max = 0.9) double floor,
      @ForAll boolean heralded, @ForAll boolean mixed, @ForAll @IntRange(min = 1, max = 1000) int seed)
      throws Exception {
    String yaml = String.format(Locale.ROOT, """
        version: 1
        network:
          generator:
            type: random-mesh
            nodes: %d
            average_degree: 2.5
            seed: %d
            link_length_km: [5, 30]
            generation_reading: %s
            generation_rate_pairs_per_s: [1, 10]
            repeater_capacity_pairs_per_s: [0.5, 5]
            memory_slots: 4
            coherence_time_s: %s
            source_fidelity: 0.97
        workload:
          type: %s
          rate_per_s: %s
          min_fidelity: [%s, %s]
          pairs: [1, 8]
          deadline_s: [2, 15]
          seed: %d
        """, nodes, seed, heralded ? "heralded" : "emission", coherenceS, mixed ? "mixed" : "poisson",
        ratePerS, floor, floor + 0.05, seed);
    DpemConfig cfg = ConfigLoader.parse(yaml, "property.yaml");
    Scenario scenario = ScenarioBuilder.build(cfg);
    for (String policy : new String[] {"greedy", "greedy-tuned", "central-lp", "max-weight"}) {
      RunReport r = new SimulatedRun(scenario, new RunOptions(policy, seed, OptionalDouble.of(60), 100, 4,
          null, OptionalInt.empty(), false, true, OptionalDouble.empty())).run();
      double bound = r.upperBoundPairs();
      assertThat((double) r.summary().pairsDelivered())
          .as("%s on %d nodes, %s: %s", policy, nodes, r.upperBoundMethod(), yaml)
          .isLessThanOrEqualTo(bound + 3 * Math.sqrt(bound) + 1e-9);
    }
  }
}
