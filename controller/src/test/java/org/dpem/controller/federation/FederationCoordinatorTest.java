package org.dpem.controller.federation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.dpem.controller.admin.FederationStatus;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.learning.federated.DpFedAvg;
import org.dpem.learning.federated.FedAvgSettings;
import org.junit.jupiter.api.Test;

/** In process: agents training a real model on their own data, until the epsilon budget stops federation. */
class FederationCoordinatorTest {
  @Test
  void roundsRunUntilTheBudgetIsSpentAndSaySo() throws Exception {
    List<String> ids = IntStream.range(0, 5).mapToObj(i -> "n" + i).toList();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (WallClockTimeBase time = new WallClockTimeBase(); InProcessTransport t = new InProcessTransport()) {
      DpFedAvg fedAvg = new DpFedAvg(FedAvgSettings.of(1.0, 2.0, 1.0, 1e-5).withBudget(4.0),
          new float[NodeDemandTrainer.PARAMETERS]);
      FederationCoordinator c = new FederationCoordinator(fedAvg, ids, t, time, Duration.ofMillis(5),
          Duration.ofSeconds(10));
      c.bindMetrics(registry);
      List<FederationAgent> agents = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        double[] demand = new double[100];
        for (int k = 0; k < demand.length; k++) {
          demand[k] = 10 + 5 * Math.sin(k / 4.0 + i);
        }
        agents.add(new FederationAgent(ids.get(i), new NodeDemandTrainer(demand, 1, 0.01), 1.0, t).start());
      }
      c.start();
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!c.status().state().equals("budget_spent")) {
        assertThat(System.nanoTime()).as("budget spent; %s", c.status()).isLessThan(end);
        Thread.sleep(10);
      }
      FederationStatus s = c.status();
      assertThat(s.rounds()).isPositive();
      assertThat(s.participants()).isEqualTo(5);
      assertThat(s.epsilonSpent()).isLessThanOrEqualTo(4.0);
      assertThat(s.budgetLeft()).isEqualTo(4.0 - s.epsilonSpent());
      assertThat(s.guaranteeHolds()).isTrue();
      assertThat(registry.get("dpem.federation.budget_spent").gauge().value()).isEqualTo(1.0);
      assertThat(registry.get("dpem.federation.epsilon").gauge().value()).isEqualTo(s.epsilonSpent());
      long rounds = s.rounds();
      Thread.sleep(100);
      assertThat(c.status().rounds()).as("no round after the budget is spent").isEqualTo(rounds);
      assertThat(agents.get(0).answered()).isEqualTo(rounds);
      c.close();
    }
  }
}
