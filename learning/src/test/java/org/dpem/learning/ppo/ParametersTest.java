package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {

  @Test
  void theFlatVectorRoundTripsAndCarriesTheWholePolicy() {
    PpoConfig a = PpoConfig.defaults(10, List.of(3, 4)).toBuilder().seed(1).build();
    PpoConfig b = a.toBuilder().seed(2).build();
    float[] obs = new float[5 * 10];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = (float) Math.sin(i);
    }
    try (PpoAgent first = PpoAgent.create(a); PpoAgent second = PpoAgent.create(b)) {
      // two separate 64-64 bodies: 2 * (10*64 + 64 + 64*64 + 64) + (64*7 + 7) + (64 + 1)
      assertThat(first.parameterCount()).isEqualTo(2 * (704 + 4160) + 455 + 65);
      float[] flat = first.parameters();
      assertThat(flat).hasSize(first.parameterCount());
      assertThat(second.parameters()).isNotEqualTo(flat);
      assertThat(second.values(obs, 5)).isNotEqualTo(first.values(obs, 5));

      second.setParameters(flat);
      assertThat(second.parameters()).isEqualTo(flat);
      assertThat(second.values(obs, 5)).isEqualTo(first.values(obs, 5));
      assertThat(second.actGreedy(obs, null, 5).actions())
          .isEqualTo(first.actGreedy(obs, null, 5).actions());

      assertThatThrownBy(() -> second.setParameters(new float[3]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("3 floats").hasMessageContaining("" + first.parameterCount());
    }
  }

  /**
   * Grad mode is on by default on a thread other than the engine's: an update there must still
   * work (the optimizer's in-place step on the leaf is refused in grad mode).
   */
  @Test
  void updatesOnAThreadThatNeverActed() throws Exception {
    PpoConfig c = PpoConfig.defaults(ContextualBandit.CONTEXTS, ContextualBandit.HEADS)
        .toBuilder().rolloutSteps(4).minibatchSize(8).updateEpochs(1).build();
    try (PpoAgent agent = PpoAgent.create(c)) {
      ContextualBandit env = new ContextualBandit(2, 1);
      RolloutBuffer buffer = new RolloutBuffer(c, 2);
      while (!buffer.isFull()) {
        float[] obs = env.observations.clone();
        ActionBatch a = agent.act(obs, env.masks, 2);
        buffer.add(obs, env.masks, a, env.step(a), new boolean[] {true, true});
      }
      buffer.finish(new float[2]);
      float[] before = agent.parameters();
      java.util.concurrent.atomic.AtomicReference<Throwable> failure =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread t = new Thread(() -> {
        try {
          agent.update(buffer);
        } catch (Throwable e) {
          failure.set(e);
        }
      });
      t.start();
      t.join();
      assertThat(failure.get()).isNull();
      assertThat(agent.parameters()).isNotEqualTo(before);
    }
  }

  @Test
  void aSharedTrunkHasOneBody() {
    PpoConfig c = PpoConfig.defaults(10, List.of(3, 4)).toBuilder().sharedTrunk(true).build();
    try (PpoAgent agent = PpoAgent.create(c)) {
      assertThat(agent.parameterCount()).isEqualTo(704 + 4160 + 455 + 65);
    }
  }
}
