package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pieces with known answers: config checks and hash, GAE, orthogonal init, the RNG. */
class PpoPartsTest {

  @Test
  void defaultsAreTheReferenceImplementationsAndValidationNamesTheField() {
    PpoConfig c = PpoConfig.defaults(4, List.of(2));
    assertThat(c.learningRate()).isEqualTo(3e-4);
    assertThat(c.gamma()).isEqualTo(0.99);
    assertThat(c.gaeLambda()).isEqualTo(0.95);
    assertThat(c.clipCoef()).isEqualTo(0.2);
    assertThat(c.valueCoef()).isEqualTo(0.5);
    assertThat(c.maxGradNorm()).isEqualTo(0.5);
    assertThat(c.updateEpochs()).isEqualTo(10);
    assertThat(c.adamEps()).isEqualTo(1e-5);
    assertThatThrownBy(() -> c.toBuilder().gamma(1.5).build())
        .hasMessageContaining("gamma must be in [0, 1], was 1.5");
    assertThatThrownBy(() -> PpoConfig.defaults(4, List.of(2, 0)))
        .hasMessageContaining("actionHeads[1] must be > 0");
    assertThatThrownBy(() -> c.toBuilder().anneal(0).build())
        .hasMessageContaining("totalUpdates (needed when annealLearningRate)");
  }

  @Test
  void theHashChangesWithAnyFieldAndTheScheduleAnneals() {
    PpoConfig c = PpoConfig.defaults(4, List.of(2));
    assertThat(c.hash()).isEqualTo(PpoConfig.defaults(4, List.of(2)).hash()).hasSize(64);
    assertThat(c.toBuilder().entropyCoef(0.01).build().hash()).isNotEqualTo(c.hash());
    assertThat(c.toBuilder().seed(2).build().hash()).isNotEqualTo(c.hash());
    assertThat(c.toBuilder().adam(0.9, 0.999, 1e-8).build().hash()).isNotEqualTo(c.hash());
    PpoConfig a = c.toBuilder().anneal(4).build();
    assertThat(a.learningRateAt(0)).isEqualTo(3e-4);
    assertThat(a.learningRateAt(2)).isCloseTo(1.5e-4, within(1e-12));
    assertThat(a.learningRateAt(4)).isZero();
    assertThat(c.learningRateAt(100)).isEqualTo(3e-4);
  }

  @Test
  void gaeMatchesAHandComputation() {
    PpoConfig c = PpoConfig.defaults(1, List.of(2)).toBuilder().rolloutSteps(3)
        .gamma(0.9).gaeLambda(0.8).build();
    RolloutBuffer b = new RolloutBuffer(c, 1);
    float[] values = {0.5f, 1.0f, 2.0f};
    float[] rewards = {1f, 0f, 3f};
    boolean[] dones = {false, true, false};
    for (int t = 0; t < 3; t++) {
      b.add(new float[1], null, new ActionBatch(1, 1, new int[] {0}, new float[1],
          new float[] {values[t]}), new float[] {rewards[t]}, new boolean[] {dones[t]});
    }
    b.finish(new float[] {4f});
    // t=2: delta = 3 + 0.9*4 - 2 = 4.6; A2 = 4.6
    // t=1: done, delta = 0 - 1 = -1; A1 = -1 (nothing bootstrapped past the end)
    // t=0: delta = 1 + 0.9*1 - 0.5 = 1.4; A0 = 1.4 + 0.9*0.8*(-1) = 0.68
    assertThat(b.advantages()[2]).isCloseTo(4.6f, within(1e-5f));
    assertThat(b.advantages()[1]).isCloseTo(-1f, within(1e-6f));
    assertThat(b.advantages()[0]).isCloseTo(0.68f, within(1e-5f));
    assertThat(b.returns()[0]).isCloseTo(1.18f, within(1e-5f));
    assertThatThrownBy(() -> b.add(new float[1], null, null, new float[1], new boolean[1]))
        .hasMessageContaining("rollout is full");
  }

  @Test
  void orthogonalInitHasOrthonormalRowsOrColumnsScaledByTheGain() {
    for (int[] shape : new int[][] {{64, 10}, {7, 64}, {1, 64}}) {
      int rows = shape[0];
      int cols = shape[1];
      double gain = 1.5;
      float[] wt = ActorCritic.orthogonalTransposed(rows, cols, gain, new Rng(4));
      // W[r][c] = wt[c * rows + r]; the smaller dimension's vectors are orthonormal * gain.
      boolean tall = rows >= cols;
      int n = tall ? cols : rows;
      int m = tall ? rows : cols;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double dot = 0;
          for (int k = 0; k < m; k++) {
            double x = tall ? wt[i * rows + k] : wt[k * rows + i];
            double y = tall ? wt[j * rows + k] : wt[k * rows + j];
            dot += x * y;
          }
          assertThat(dot).as("shape %dx%d (%d,%d)", rows, cols, i, j)
              .isCloseTo(i == j ? gain * gain : 0.0, within(1e-5));
        }
      }
    }
  }

  @Test
  void theRngResumesFromItsState() {
    Rng a = new Rng(42);
    a.nextLong();
    Rng b = new Rng(a.state());
    for (int i = 0; i < 100; i++) {
      assertThat(b.nextInt(7)).isEqualTo(a.nextInt(7));
    }
    int[] counts = new int[3];
    for (int i = 0; i < 30_000; i++) {
      counts[a.nextInt(3)]++;
    }
    for (int k : counts) {
      assertThat(k).isBetween(9_500, 10_500);
    }
  }
}
