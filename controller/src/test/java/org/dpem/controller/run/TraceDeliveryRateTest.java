package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.dpem.config.ConfigLoader;
import org.dpem.controller.metrics.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replayed trace's rejected requests count in the delivery rate: refusing never looks good. */
class TraceDeliveryRateTest {
  @TempDir Path dir;

  @Test
  void pairsRequestedIsTheTracesTotalRejectedRequestsIncluded() throws Exception {
    Files.writeString(dir.resolve("requests.csv"), String.join("\n",
        "timestamp_s,src,dst,min_fidelity,pairs,deadline_s",
        "0.5,a,b,0.8,3,10",
        "1.0,a,c,0.6,4,20",
        "1.5,a,zz,0.8,5,10",    // unknown node: rejected
        "2.0,b,c,0.99,6,10",    // above what one link gives: rejected
        "2.5,a,c,0.999,7,10",   // no path meets the floor: rejected
        "3.0,c,b,0.8,2,10",
        ""));
    Files.writeString(dir.resolve("run.yaml"), String.join("\n",
        "version: 1",
        "network:",
        "  nodes:",
        "    - {id: a, x_km: 0, y_km: 0}",
        "    - {id: b, x_km: 10, y_km: 0}",
        "    - {id: c, x_km: 20, y_km: 0}",
        "  links:",
        "    - {a: a, b: b, length_km: 10}",
        "    - {a: b, b: c, length_km: 10}",
        "workload:",
        "  type: trace",
        "  trace: requests.csv",
        ""));
    Scenario s = ScenarioBuilder.build(ConfigLoader.load(dir.resolve("run.yaml")));
    RunReport r = new SimulatedRun(s, new RunOptions("greedy", 1, OptionalDouble.of(10), 100, 3,
        null, OptionalInt.empty(), false, false, OptionalDouble.empty())).run();
    Summary sum = r.summary();
    assertThat(sum.requests()).isEqualTo(6);
    assertThat(sum.rejected()).isEqualTo(3);
    assertThat(sum.pairsRequested()).isEqualTo(3 + 4 + 5 + 6 + 7 + 2);
    assertThat(sum.pairsAdmitted()).isEqualTo(3 + 4 + 2);
    assertThat(sum.pairsDelivered()).isPositive();
    assertThat(sum.deliveryRate()).isCloseTo(sum.pairsDelivered() / 27.0, within(1e-12));
    assertThat(sum.deliveryRateAdmitted()).isCloseTo(sum.pairsDelivered() / 9.0, within(1e-12));
    Map<String, Object> json = r.fields();
    assertThat(json).containsEntry("pairs_requested", 27L).containsEntry("pairs_admitted", 9L)
        .containsKeys("delivery_rate_admitted", "contention_per_1000_requests", "shared_cells");
  }
}
