package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.dpem.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A network on which one epoch's central-lp program made ojAlgo's simplex cycle for good (found
 * by {@link BoundNeverBeatenTest}): the run must end, and the policy must still allocate.
 */
class CentralLpCyclingTest {
  static final String YAML = """
      version: 1
      network:
        generator:
          type: random-mesh
          nodes: 7
          average_degree: 2.5
          seed: 264
          link_length_km: [5, 30]
          generation_reading: emission
          generation_rate_pairs_per_s: [1, 10]
          repeater_capacity_pairs_per_s: [0.5, 5]
          memory_slots: 4
          coherence_time_s: 19.09498044657136
          source_fidelity: 0.97
      workload:
        type: poisson
        rate_per_s: 2.40335859570973
        min_fidelity: [0.7701250207354262, 0.8201250207354263]
        pairs: [1, 8]
        deadline_s: [2, 15]
        seed: 264
      """;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES) // before the iteration limit this run never ended
  void aCyclingEpochProgramDoesNotStallTheRun() throws Exception {
    Scenario s = ScenarioBuilder.build(ConfigLoader.parse(YAML, "cycling.yaml"));
    RunReport r = new SimulatedRun(s, new RunOptions("central-lp", 264, OptionalDouble.of(60), 100, 4,
        null, OptionalInt.empty(), false, false, OptionalDouble.empty())).run();
    assertThat(r.summary().pairsDelivered()).isPositive();
  }
}
