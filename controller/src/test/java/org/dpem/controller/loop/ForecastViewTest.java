package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.forecast.ForecastSpec;
import org.dpem.controller.forecast.ForecasterFactory;
import org.dpem.controller.forecast.NodeForecasting;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.NodeForecast;
import org.junit.jupiter.api.Test;

class ForecastViewTest {
  /** Waits, and remembers every node's forecast in every view it is shown. */
  static final class Watching implements AllocationPolicy {
    final List<List<NodeForecast>> seen = new ArrayList<>();

    @Override
    public String name() {
      return "watching";
    }

    @Override
    public Decision decide(EpochView view) {
      seen.add(view.nodes().stream().map(n -> n.forecast()).toList());
      return Decision.NONE;
    }

    @Override
    public boolean readsForecasts() {
      return true;
    }
  }

  @Test
  void theRequestsANodeSeesReachItsForecastInTheView() {
    Watching policy = new Watching();
    LoopHarness h = new LoopHarness(Lab.model(3, new int[0][], 10, 5, 10), policy, null);
    // EWMA with alpha 1 forecasts the last step exactly; 2 destination groups, 3 steps of 2 epochs
    h.loop.forecastWith(new NodeForecasting(3, new ForecastSpec(ForecasterFactory.ewma(1.0), 2, 3, 2)));
    h.loop.start();
    h.submit("n0", "n2", 0.5, 3, 20);
    h.advanceSeconds(0.5);
    NodeForecast last = policy.seen.get(policy.seen.size() - 1).get(0);
    assertThat(last.horizon()).isEqualTo(3);
    assertThat(last.groups()).isEqualTo(2);
    // n2 is in group 2 mod 2 = 0; the step that held the request was observed
    assertThat(policy.seen.stream().anyMatch(v -> v.get(0).horizon() == 3 && v.get(0).pairs(0, 0) == 3
        && v.get(0).total(2) == 3 && v.get(1).total(0) == 0)).isTrue();
    // a later step without requests: the forecast falls back to zero
    h.advanceSeconds(0.5);
    assertThat(policy.seen.get(policy.seen.size() - 1).get(0).total(0)).isZero();
    h.loop.close();
  }

  @Test
  void aPolicyThatDoesNotReadForecastsSeesNone() {
    assertThat(new org.dpem.controller.policy.GreedyPolicy().readsForecasts()).isFalse();
  }
}
