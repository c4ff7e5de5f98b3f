package org.dpem.controller.policy.dpem;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The DPEM decision for all 100 agents of paper-100 in one epoch (encode, one batched forward
 * call, sample, decode), on the views of 120 simulated seconds recorded under greedy, evaluated
 * without updates. Run with {@code mvn -o -q -B -pl controller -am test -Dtest=DpemDecisionBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddpem.bench=true}. Prints p50/p99 of wall and of the
 * calling thread's CPU time (with one
 * PyTorch thread the native work runs on it), since the machine may be shared.
 */
@EnabledIfSystemProperty(named = "dpem.bench", matches = "true")
class DpemDecisionBench {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void decisionFor100Agents() throws Exception {
    DpemConfig cfg = ConfigLoader.load(Path.of("../config/examples/paper-100.yaml"));
    Scenario s = ScenarioBuilder.build(cfg);
    SmallNetwork.Recording views = new SmallNetwork.Recording(s.policies().apply("greedy"));
    SmallNetwork.run(s, views, 101, 120);
    try (DpemPolicy p = DpemPolicy.learning(cfg.controller().agents())) {
      p.setLearning(false);
      for (int i = 0; i < 300; i++) {
        p.decide(views.views.get(i));
      }
      int n = views.views.size();
      long[] wall = new long[n];
      long[] cpu = new long[n];
      for (int i = 0; i < n; i++) {
        EpochView v = views.views.get(i);
        long c0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        p.decide(v);
        wall[i] = System.nanoTime() - w0;
        cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
      }
      Arrays.sort(wall);
      Arrays.sort(cpu);
      System.out.printf(Locale.ROOT, "dpem decision, %d agents, %d epochs: wall p50 %.3f ms p99 %.3f ms;"
              + " thread CPU p50 %.3f ms p99 %.3f ms%n", views.views.get(0).nodes().size(), n,
          wall[n / 2] / 1e6, wall[(int) (n * 0.99)] / 1e6, cpu[n / 2] / 1e6, cpu[(int) (n * 0.99)] / 1e6);
    }
  }
}
