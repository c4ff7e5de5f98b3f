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
 * Half a minute of training on the small network (30 episodes of 60 simulated seconds on training
 * seeds 101-130: a warm start of {@value #IMITATION_UPDATES} imitation updates, then PPO with the
 * teacher term), then held-out seeds 1-3 against a uniformly random policy over the same masked
 * actions and against greedy. The trained policy must deliver more than both.
 */
class TrainedPolicyTest {
  static final int EPISODES = 30;
  static final double EPISODE_S = 60;
  static final double EVAL_S = 120;
  static final long[] HELD_OUT = {1, 2, 3};
  /** Of the about 280 updates of the training. */
  static final int IMITATION_UPDATES = 150;

  @Test
  void trainedPolicyDeliversMoreThanRandomAndGreedyOnHeldOutSeeds(@TempDir Path dir) throws Exception {
    Scenario scenario = SmallNetwork.scenario();
    AgentsConfig agents = SmallNetwork.config().controller().agents()
        .withImitationUpdates(IMITATION_UPDATES).withTeacherWeight(1.0);
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
    assertThat(trained[0]).as(report).isGreaterThan(random[0]).isGreaterThan(greedy[0]);
    // agents that learned what fits collide less than random ones (greedy, planning centrally
    // with the global ledger, collides least)
    assertThat(trained[1]).as(report).isLessThan(random[1]);
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
