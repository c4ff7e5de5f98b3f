package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.dpem.config.ShippedExamples;
import org.junit.jupiter.api.Test;

/** The run summary's timing fields say what they measure. */
class RunReportTest {

  private static Map<String, Object> run(boolean timeEpochs, boolean bound) throws Exception {
    Scenario s = ScenarioBuilder.build(ShippedExamples.load("two-node"));
    return new SimulatedRun(s, new RunOptions("greedy", 1, OptionalDouble.of(30), 100, 3,
        null, OptionalInt.empty(), timeEpochs, bound, OptionalDouble.empty())).run().fields();
  }

  @Test
  void aSkippedBoundHasNoSolveTime() throws Exception {
    Map<String, Object> f = run(false, false);
    assertThat(f.get("upper_bound_method")).isEqualTo("skipped");
    assertThat(f.get("upper_bound_solve_seconds")).isNull();
  }

  @Test
  void wallTimeIncludesTheSolveAndEpochsAreTimed() throws Exception {
    Map<String, Object> f = run(true, true);
    double solve = (Double) f.get("upper_bound_solve_seconds");
    assertThat(solve).isPositive();
    assertThat((Double) f.get("wall_seconds")).isGreaterThanOrEqualTo(solve);
    assertThat(f.get("epoch_p50_us")).isNotNull();
    assertThat(f.get("epoch_p99_us")).isNotNull();
    assertThat(f.get("policy")).isEqualTo("greedy");
  }
}
