package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PPO solves two small known tasks within a fixed budget; an untrained policy does not. */
class PpoLearnsTest {

  static PpoConfig banditConfig() {
    return PpoConfig.defaults(ContextualBandit.CONTEXTS, ContextualBandit.HEADS).toBuilder()
        .rolloutSteps(16).minibatchSize(128).updateEpochs(4).learningRate(1e-3)
        .entropyCoef(0.01).seed(7).build();
  }

  static final int AGENTS = 32;

  /** Mean reward per step over one rollout of sampled actions (training if asked). */
  static double rollout(PpoAgent agent, ContextualBandit env, RolloutBuffer buffer, boolean train) {
    double sum = 0;
    buffer.clear();
    boolean[] done = new boolean[AGENTS];
    java.util.Arrays.fill(done, true);
    for (int t = 0; t < agent.config().rolloutSteps(); t++) {
      float[] obs = env.observations.clone();
      ActionBatch a = agent.act(obs, env.masks, AGENTS);
      float[] r = env.step(a);
      for (float x : r) {
        sum += x;
      }
      buffer.add(obs, env.masks, a, r, done);
    }
    if (train) {
      buffer.finish(new float[AGENTS]);
      agent.update(buffer);
    }
    return sum / (AGENTS * agent.config().rolloutSteps());
  }

  @Test
  void solvesTheContextualBandit() {
    PpoConfig config = banditConfig();
    try (PpoAgent agent = PpoAgent.create(config)) {
      ContextualBandit env = new ContextualBandit(AGENTS, 11);
      RolloutBuffer buffer = new RolloutBuffer(config, AGENTS);
      double untrained = rollout(agent, env, buffer, false);
      for (int u = 0; u < 15; u++) {
        rollout(agent, env, buffer, true);
      }
      double trained = rollout(agent, env, buffer, false);
      ActionBatch greedy = ContextualBandit.actOnEveryContext(agent);
      System.out.printf("bandit: untrained %.3f trained %.3f%n", untrained, trained);
      assertThat(untrained).isLessThan(0.5);
      assertThat(trained).isGreaterThan(0.9);
      for (int k = 0; k < ContextualBandit.CONTEXTS; k++) {
        assertThat(greedy.action(k, 0)).as("context %d head 0", k)
            .isEqualTo(ContextualBandit.target0(k));
        assertThat(greedy.action(k, 1)).as("context %d head 1", k)
            .isEqualTo(ContextualBandit.target1(k));
      }
    }
  }

  /** Sampled episodes from cell 0 of one rollout (training on it if asked): mean length. */
  static double corridorRollout(PpoAgent agent, Corridor env, RolloutBuffer buffer,
      boolean train) {
    buffer.clear();
    env.episodes = 0;
    env.episodeSteps = 0;
    for (int t = 0; t < agent.config().rolloutSteps(); t++) {
      float[] obs = env.observations.clone();
      boolean[] masks = env.masks.clone();
      ActionBatch a = agent.act(obs, masks, env.agents);
      env.step(a);
      buffer.add(obs, masks, a, env.rewards, env.dones);
    }
    if (train) {
      buffer.finish(agent.values(env.observations, env.agents));
      agent.update(buffer);
    }
    return (double) env.episodeSteps / env.episodes;
  }

  @Test
  void solvesTheCorridor() {
    int length = 8;
    int agents = 16;
    PpoConfig config = PpoConfig.defaults(length, Corridor.HEADS).toBuilder()
        .rolloutSteps(32).minibatchSize(128).updateEpochs(4).learningRate(1e-3)
        .entropyCoef(0.01).seed(3).build();
    try (PpoAgent agent = PpoAgent.create(config)) {
      Corridor env = new Corridor(length, 32, agents);
      RolloutBuffer buffer = new RolloutBuffer(config, agents);
      double untrained = corridorRollout(agent, env, buffer, true);
      for (int u = 1; u < 12; u++) {
        corridorRollout(agent, env, buffer, true);
      }
      double trained = corridorRollout(agent, env, buffer, false);
      System.out.printf("corridor: mean sampled episode, untrained %.1f steps, trained %.1f"
          + " (shortest %d)%n", untrained, trained, length - 1);
      assertThat(untrained).isGreaterThan(2.0 * (length - 1));
      assertThat(trained).isLessThan(1.1 * (length - 1));
      assertThat(Corridor.greedyEpisode(agent, length, 32)).isEqualTo(length - 1);
    }
  }
}
