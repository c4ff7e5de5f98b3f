package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** NaN and infinity stop with a message saying where, before they reach a sample or the weights. */
class NonFiniteTest {
  static final int OBS = MaskingPropertyTest.OBS;

  @Test
  void aNonFiniteObservationIsRejectedByRowAndFeature() {
    try (PpoAgent agent = PpoAgent.create(PpoConfig.defaults(OBS, MaskingPropertyTest.HEADS))) {
      float[] obs = new float[2 * OBS];
      obs[OBS + 4] = Float.NaN;
      assertThatThrownBy(() -> agent.act(obs, null, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("observation row 1 feature 4 is NaN");
    }
  }

  @Test
  void nonFiniteWeightsAreNamedInsteadOfSampledFrom() {
    try (PpoAgent agent = PpoAgent.create(PpoConfig.defaults(OBS, MaskingPropertyTest.HEADS))) {
      float[] p = agent.parameters();
      Arrays.fill(p, Float.NaN);
      agent.setParameters(p);
      assertThatThrownBy(() -> agent.act(new float[2 * OBS], null, 2))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("weights are not finite");
    }
  }

  @Test
  void aNonFiniteRewardIsRejectedByAgentAndStep() {
    PpoConfig config = PpoConfig.defaults(OBS, MaskingPropertyTest.HEADS).toBuilder().rolloutSteps(2).build();
    try (PpoAgent agent = PpoAgent.create(config)) {
      RolloutBuffer buffer = new RolloutBuffer(config, 2);
      float[] obs = new float[2 * OBS];
      ActionBatch a = agent.act(obs, null, 2);
      buffer.add(obs, null, a, new float[2], new boolean[2]);
      assertThatThrownBy(() -> buffer.add(obs, null, a, new float[] {0, Float.POSITIVE_INFINITY}, new boolean[2]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("reward of agent 1 at step 1 is Infinity");
    }
  }

  /** Weights so large that the value loss overflows: the steps are skipped, the weights stay as they were. */
  @Test
  void anOverflowingGradientIsNotApplied() {
    PpoConfig config = PpoConfig.defaults(OBS, MaskingPropertyTest.HEADS).toBuilder()
        .rolloutSteps(2).minibatchSize(4).updateEpochs(1).build();
    try (PpoAgent agent = PpoAgent.create(config)) {
      float[] p = agent.parameters();
      for (int i = 0; i < p.length; i++) {
        p[i] *= 1e30f;
      }
      agent.setParameters(p);
      RolloutBuffer buffer = new RolloutBuffer(config, 2);
      float[] obs = new float[2 * OBS];
      Arrays.fill(obs, 1f);
      for (int t = 0; t < 2; t++) {
        buffer.add(obs, null, agent.act(obs, null, 2), new float[] {1, -1}, new boolean[2]);
      }
      buffer.finish(new float[2]);
      UpdateStats s = agent.update(buffer);
      assertThat(s.minibatches()).as("gradient steps taken").isZero();
      assertThat(agent.parameters()).containsExactly(p);
    }
  }
}
