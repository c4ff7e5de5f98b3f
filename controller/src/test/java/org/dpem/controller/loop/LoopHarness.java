package org.dpem.controller.loop;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.CompletableFuture;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.operator.SubmitResult;
import org.dpem.controller.operator.SubmitSpec;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.time.ManualTimeBase;

/** A control loop over a {@link Lab} on manual time, for tests. */
final class LoopHarness {
  final ManualTimeBase time = new ManualTimeBase();
  final NetworkModel model;
  final Lab lab;
  final ControlLoop loop;

  LoopHarness(NetworkModel model) {
    this(model, new GreedyPolicy(), null);
  }

  LoopHarness(NetworkModel model, AllocationPolicy policy, Journal journal) {
    this.model = model;
    this.lab = new Lab(time, model);
    this.loop = new ControlLoop(model, lab, time, LoopSettings.of(100, 4), policy,
        new RunMetrics(new SimpleMeterRegistry()), journal, new HalCommander(lab, model));
  }

  void advanceSeconds(double s) {
    time.advance((long) (s * 1e9));
  }

  <T> T await(CompletableFuture<T> f) {
    for (int i = 0; i < 100 && !f.isDone(); i++) {
      advanceSeconds(0.1);
    }
    if (!f.isDone()) {
      throw new AssertionError("the loop did not answer within 10 s of its time (epoch "
          + loop.epoch() + ")");
    }
    return f.join();
  }

  SubmitResult submit(String s, String d, double f, int pairs, double deadlineS) {
    return await(loop.operator().submit(new SubmitSpec(s, d, f, pairs, deadlineS, 0)));
  }
}
