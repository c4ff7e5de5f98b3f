package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MaskingTest {
  static final int OBS = MaskingPropertyTest.OBS;
  static final int WIDTH = MaskingPropertyTest.WIDTH;

  /**
   * The update recomputes the log-probability of each sampled action on the network side, with
   * the masks; before any step it must equal the sampler's, so the first gradient step of an
   * update sees ratio 1 everywhere: KL estimate ~0 and nothing clipped. A mismatch in the masked
   * log-softmax (a mask ignored, a head slice off by one) shows up here.
   */
  @Test
  void networkSideLogProbabilitiesMatchTheSampler() {
    int agents = 64;
    PpoConfig config = PpoConfig.defaults(OBS, MaskingPropertyTest.HEADS).toBuilder()
        .rolloutSteps(4).minibatchSize(4 * agents).updateEpochs(1).seed(9).build();
    try (PpoAgent agent = PpoAgent.create(config)) {
      agent.setParameters(scaled(agent.parameters(), 60f));
      Rng rng = new Rng(1);
      RolloutBuffer buffer = new RolloutBuffer(config, agents);
      for (int t = 0; t < config.rolloutSteps(); t++) {
        float[] obs = new float[agents * OBS];
        for (int i = 0; i < obs.length; i++) {
          obs[i] = (float) rng.nextGaussian();
        }
        boolean[] masks = MaskingPropertyTest.randomMasks(agents, rng);
        ActionBatch a = agent.act(obs, masks, agents);
        float[] rewards = new float[agents];
        for (int i = 0; i < agents; i++) {
          rewards[i] = (float) rng.nextGaussian();
        }
        buffer.add(obs, masks, a, rewards, new boolean[agents]);
      }
      buffer.finish(new float[agents]);
      UpdateStats s = agent.update(buffer);
      assertThat(s.minibatches()).isEqualTo(1);
      assertThat(s.approxKl()).isLessThan(1e-6);
      assertThat(s.clipFraction()).isZero();
      assertThat(s.entropy()).isPositive();
    }
  }

  /** Sharper logits, so that an ignored mask would matter. */
  private static float[] scaled(float[] p, float k) {
    float[] out = p.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= k;
    }
    return out;
  }

  @Test
  void aHeadWithEveryActionMaskedIsRejectedByRowAndHead() {
    try (PpoAgent agent = PpoAgent.create(PpoConfig.defaults(OBS, MaskingPropertyTest.HEADS))) {
      boolean[] masks = MaskingPropertyTest.randomMasks(2, new Rng(3));
      for (int a = 5; a < 8; a++) {
        masks[WIDTH + a] = false;
      }
      assertThatThrownBy(() -> agent.act(new float[2 * OBS], masks, 2))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("row 1 head 1");
      assertThatThrownBy(() -> agent.act(new float[2 * OBS], new boolean[3], 2))
          .hasMessageContaining("masks has 3 flags");
      assertThatThrownBy(() -> agent.act(new float[OBS], null, 2))
          .hasMessageContaining("observations has 6 floats");
    }
  }
}
