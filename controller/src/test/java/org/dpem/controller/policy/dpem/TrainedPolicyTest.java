package org.dpem.controller.policy.dpem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * About a minute of training on the small network (30 episodes of 60 simulated seconds on
 * training seeds 101-130), then held-out seeds 1-3 against a uniformly random policy over the
 * same masked actions and against greedy.
 *
 * <p>What this asserts is what training reliably achieves here: fewer contention events than
 * random. It does NOT reliably beat random or greedy on delivery: two trainings that differed
 * only in the JVM's arguments (so in PyTorch's floating-point scheduling) gave 0.680 and 0.586
 * for the trained policy (random 0.625, greedy 0.663). Delivery is printed, not asserted.
 */
class TrainedPolicyTest {
  static final int EPISODES = 30;
  static final double EPISODE_S = 60;
  static final double EVAL_S = 120;
  static final long[] HELD_OUT = {1, 2, 3};

  @Test
  void trainedPolicyCollidesLessThanRandomOnHeldOutSeeds(@TempDir Path dir) throws Exception {
    Scenario scenario = SmallNetwork.scenario();
    AgentsConfig agents = SmallNetwork.config().controller().agents();
    new Trainer(scenario, agents, new Trainer.Plan(101, EPISODE_S, EPISODES, 0, EPISODES, 100, 4), dir)
        .train(false, (row, conv) -> { });
    double[] trained;
    try (DpemPolicy p = DpemPolicy.load(dir, agents)) {
      trained = delivery(scenario, p);
    }
    double[] random = delivery(scenario, new RandomPolicy(5));
    double[] greedy = delivery(scenario, scenario.policies().apply("greedy"));
    String report = String.format(java.util.Locale.ROOT, "held-out seeds 1-3, delivery rate"
        + " (contention events): trained %.4f (%.0f), random %.4f (%.0f), greedy %.4f (%.0f)",
        trained[0], trained[1], random[0], random[1], greedy[0], greedy[1]);
    System.err.println(report);
    // agents that learned what fits collide less than random ones (greedy, planning centrally
    // with the global ledger, collides least)
    assertThat(trained[1]).as(report).isLessThan(random[1]);
    assertThat(trained[0]).as(report).isPositive();
  }

  /** Pairs delivered over pairs requested, and contention events, summed over the held-out seeds. */
  static double[] delivery(Scenario s, AllocationPolicy policy) {
    long delivered = 0;
    long requested = 0;
    long contention = 0;
    for (long seed : HELD_OUT) {
      RunReport r = SmallNetwork.run(s, policy, seed, EVAL_S);
      delivered += r.summary().pairsDelivered();
      requested += r.summary().pairsRequested();
      contention += r.summary().contentionEvents();
    }
    return new double[] {(double) delivered / requested, contention};
  }
}
