package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.metrics.Summary;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.policy.PendingRequest;
import org.dpem.controller.request.Request;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.dpem.hal.time.ManualTimeBase;
import org.dpem.hal.time.TimeBase;
import org.junit.jupiter.api.Test;

/**
 * Contention counts conflicts, so the same workload and the same decisions give the same count
 * at any epoch length; sharing, which it used to count, does not.
 */
class ContentionEpochTest {
  /** Claims every pending request on its first path at its target rate, every epoch, fit or not. */
  static final class OverClaiming implements AllocationPolicy {
    @Override
    public String name() {
      return "over-claiming";
    }

    @Override
    public Decision decide(EpochView view) {
      List<Claim> claims = new ArrayList<>();
      for (PendingRequest p : view.pending()) {
        if (!p.candidates().isEmpty()) {
          double min = p.minRate(p.candidates().get(0));
          claims.add(new Claim(p.id(), p.candidates().get(0), Math.max(p.targetRate(), min), min));
        }
      }
      return Decision.of(claims);
    }
  }

  /** Six 1-pair-per-second requests n0 -> n2 at once; n1's 4 slots hold two allocations. */
  static Summary run(Supplier<AllocationPolicy> policy, long epochMs) {
    NetworkModel model = Lab.model(3, new int[0][], 10, 5, 4);
    ManualTimeBase time = new ManualTimeBase();
    Lab lab = new Lab(time, model);
    lab.intervalNanos = TimeBase.nanos(1000); // nothing is delivered: allocations stay up
    ControlLoop loop = new ControlLoop(model, lab, time, LoopSettings.of(epochMs, 4), policy.get(),
        new RunMetrics(new SimpleMeterRegistry()), null, new HalCommander(lab, model));
    for (int i = 0; i < 6; i++) {
      loop.submitNow(new Request.Spec(NodeId.of("n0"), NodeId.of("n2"), 0.5, 5, TimeBase.nanos(5), 0));
    }
    loop.start();
    time.advance(TimeBase.nanos(6));
    Summary s = loop.metrics().summary();
    loop.close();
    return s;
  }

  @Test
  void greedysContentionDoesNotDependOnTheEpoch() {
    Summary fast = run(GreedyPolicy::new, 100);
    Summary slow = run(GreedyPolicy::new, 1000);
    // two served below their target (a path carries 1.8 pairs/s, they ask 2), four wait for room
    assertThat(fast.contentionEvents()).isEqualTo(6);
    assertThat(slow.contentionEvents()).isEqualTo(fast.contentionEvents());
  }

  @Test
  void aPolicyThatClaimsAgainEveryEpochCountsEachConflictOnce() {
    Summary fast = run(OverClaiming::new, 100);
    Summary slow = run(OverClaiming::new, 1000);
    assertThat(slow.contentionEvents()).isEqualTo(fast.contentionEvents()).isPositive();
    // sharing is counted per epoch: ten times the epochs, about ten times the cells
    assertThat(fast.sharedCells()).isGreaterThan(5 * slow.sharedCells());
  }
}
