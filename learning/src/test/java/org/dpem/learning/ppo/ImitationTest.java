package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Imitation (behaviour cloning with a fitted critic) copies a teacher, then PPO continues from it. */
class ImitationTest {
  private static final int AGENTS = PpoLearnsTest.AGENTS;

  /** A teacher's actions for the current contexts: head 0 right; head 1 right, or always 0. */
  private static int[] teacher(ContextualBandit env, boolean head1Right) {
    int[] teacher = new int[AGENTS * 2];
    for (int i = 0; i < AGENTS; i++) {
      teacher[2 * i] = ContextualBandit.target0(env.context[i]);
      teacher[2 * i + 1] = head1Right ? ContextualBandit.target1(env.context[i]) : 0;
    }
    return teacher;
  }

  /** A rollout in which a teacher acts (head 0 right, head 1 always 0: half right); imitates it. */
  private static void imitateRollout(PpoAgent agent, ContextualBandit env, RolloutBuffer buffer) {
    buffer.clear();
    boolean[] done = new boolean[AGENTS];
    java.util.Arrays.fill(done, true);
    for (int t = 0; t < agent.config().rolloutSteps(); t++) {
      float[] obs = env.observations.clone();
      ActionBatch own = agent.act(obs, env.masks, AGENTS);
      int[] teacher = teacher(env, false);
      ActionBatch taught = new ActionBatch(AGENTS, 2, teacher, own.logProbs(), own.values());
      buffer.add(obs, env.masks, taught, env.step(taught), done);
    }
    buffer.finish(new float[AGENTS]);
    agent.imitate(buffer);
  }

  @Test
  void copiesTheTeacherAndLearnsItsValueThenPpoImprovesOnIt() {
    PpoConfig config = PpoLearnsTest.banditConfig();
    try (PpoAgent agent = PpoAgent.create(config)) {
      ContextualBandit env = new ContextualBandit(AGENTS, 5);
      RolloutBuffer buffer = new RolloutBuffer(config, AGENTS);
      for (int u = 0; u < 15; u++) {
        imitateRollout(agent, env, buffer);
      }
      ActionBatch copied = ContextualBandit.actOnEveryContext(agent);
      for (int k = 0; k < ContextualBandit.CONTEXTS; k++) {
        assertThat(copied.action(k, 0)).as("context %d head 0", k).isEqualTo(ContextualBandit.target0(k));
        assertThat(copied.action(k, 1)).as("context %d head 1", k).isZero();
        // the teacher earns 0.5 for head 0, and 0.5 more where head 1's target is 0
        float teacherValue = 0.5f + (ContextualBandit.target1(k) == 0 ? 0.5f : 0f);
        assertThat(copied.values()[k]).as("value of context %d", k).isCloseTo(teacherValue,
            org.assertj.core.api.Assertions.within(0.15f));
      }
      double imitated = PpoLearnsTest.rollout(agent, env, buffer, false);
      for (int u = 0; u < 15; u++) {
        PpoLearnsTest.rollout(agent, env, buffer, true);
      }
      double improved = PpoLearnsTest.rollout(agent, env, buffer, false);
      System.out.printf("imitation: teacher 0.75, imitated %.3f, after PPO %.3f%n", imitated, improved);
      assertThat(imitated).isBetween(0.65, 0.8);
      assertThat(improved).isGreaterThan(0.9);
    }
  }

  @Test
  void aTeacherWeightPullsPpoTowardsTheTeacherWhereRewardSaysNothing() {
    PpoConfig config = PpoLearnsTest.banditConfig();
    try (PpoAgent agent = PpoAgent.create(config)) {
      ContextualBandit env = new ContextualBandit(AGENTS, 9);
      RolloutBuffer buffer = new RolloutBuffer(config, AGENTS);
      boolean[] done = new boolean[AGENTS];
      java.util.Arrays.fill(done, true);
      for (int u = 0; u < 15; u++) {
        buffer.clear();
        for (int t = 0; t < config.rolloutSteps(); t++) {
          float[] obs = env.observations.clone();
          ActionBatch own = agent.act(obs, env.masks, AGENTS);
          int[] teacher = teacher(env, true);
          env.step(own);
          // no reward at all: only the teacher term can move the policy
          buffer.add(obs, env.masks, own, teacher, new float[AGENTS], done);
        }
        buffer.finish(new float[AGENTS]);
        agent.update(buffer, 1.0);
      }
      double taught = PpoLearnsTest.rollout(agent, env, buffer, false);
      System.out.printf("PPO with a teacher weight and no reward: %.3f (uniform 0.375)%n", taught);
      assertThat(taught).isGreaterThan(0.9);
      // without the teacher's actions a teacher weight is refused
      PpoLearnsTest.rollout(agent, env, buffer, false);
      buffer.finish(new float[AGENTS]);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> agent.update(buffer, 1.0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
