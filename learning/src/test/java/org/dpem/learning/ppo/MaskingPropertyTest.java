package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.constraints.IntRange;

/** Over random observations and random masks, a masked action is never chosen. */
class MaskingPropertyTest {
  static final List<Integer> HEADS = List.of(5, 3, 7);
  static final int WIDTH = 15;
  static final int OBS = 6;
  private static PpoAgent agent;

  private static synchronized PpoAgent agent() {
    if (agent == null) {
      // A fresh policy is near uniform (policy-head gain 0.01): a masked action would be as
      // likely as any other, the hardest case for a mask.
      agent = PpoAgent.create(PpoConfig.defaults(OBS, HEADS).toBuilder().seed(5).build());
    }
    return agent;
  }

  @AfterContainer
  static void closeAgent() {
    if (agent != null) {
      agent.close();
      agent = null;
    }
  }

  @Property(tries = 200)
  void maskedActionsAreNeverChosen(@ForAll @IntRange(min = 1, max = 40) int batch,
      @ForAll long seed) {
    Rng rng = new Rng(seed);
    float[] obs = new float[batch * OBS];
    for (int i = 0; i < obs.length; i++) {
      obs[i] = (float) (3 * rng.nextGaussian());
    }
    boolean[] masks = randomMasks(batch, rng);
    ActionBatch sampled = agent().act(obs, masks, batch);
    ActionBatch greedy = agent().actGreedy(obs, masks, batch);
    for (int r = 0; r < batch; r++) {
      int offset = 0;
      for (int h = 0; h < HEADS.size(); h++) {
        assertThat(masks[r * WIDTH + offset + sampled.action(r, h)])
            .as("sampled row %d head %d action %d", r, h, sampled.action(r, h)).isTrue();
        assertThat(masks[r * WIDTH + offset + greedy.action(r, h)])
            .as("greedy row %d head %d", r, h).isTrue();
        offset += HEADS.get(h);
      }
      assertThat(sampled.logProbs()[r]).isFinite().isLessThanOrEqualTo(0f);
    }
  }

  /** Each flag allowed with probability 1/2; one random action per head forced allowed. */
  static boolean[] randomMasks(int batch, Rng rng) {
    boolean[] masks = new boolean[batch * WIDTH];
    for (int r = 0; r < batch; r++) {
      int offset = 0;
      for (int size : HEADS) {
        for (int a = 0; a < size; a++) {
          masks[r * WIDTH + offset + a] = rng.nextInt(2) == 0;
        }
        masks[r * WIDTH + offset + rng.nextInt(size)] = true;
        offset += size;
      }
    }
    return masks;
  }
}
