package org.dpem.learning.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume is exact: same decisions and same continued training, bit for bit. */
class CheckpointTest {
  static final int AGENTS = 8;

  /** Two rollouts + updates from a fixed environment stream; records everything chosen. */
  private static List<int[]> continueTraining(PpoAgent agent, long envSeed, List<float[]> params) {
    ContextualBandit env = new ContextualBandit(AGENTS, envSeed);
    RolloutBuffer buffer = new RolloutBuffer(agent.config(), AGENTS);
    boolean[] done = new boolean[AGENTS];
    java.util.Arrays.fill(done, true);
    List<int[]> decisions = new ArrayList<>();
    for (int u = 0; u < 2; u++) {
      buffer.clear();
      for (int t = 0; t < agent.config().rolloutSteps(); t++) {
        float[] obs = env.observations.clone();
        ActionBatch a = agent.act(obs, env.masks, AGENTS);
        decisions.add(a.actions());
        decisions.add(floatBits(a.logProbs()));
        decisions.add(floatBits(a.values()));
        buffer.add(obs, env.masks, a, env.step(a), done);
      }
      buffer.finish(new float[AGENTS]);
      agent.update(buffer);
      params.add(agent.parameters());
    }
    return decisions;
  }

  private static int[] floatBits(float[] f) {
    int[] b = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      b[i] = Float.floatToRawIntBits(f[i]);
    }
    return b;
  }

  private static PpoConfig config() {
    return PpoConfig.defaults(ContextualBandit.CONTEXTS, ContextualBandit.HEADS).toBuilder()
        .rolloutSteps(8).minibatchSize(16).updateEpochs(2).learningRate(1e-3).anneal(10)
        .entropyCoef(0.01).clipValueLoss(true).seed(21).build();
  }

  @Test
  void aReloadedAgentDecidesAndTrainsExactlyAsTheOriginal(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("agent.ckpt");
    PpoConfig config = config();
    List<int[]> original;
    List<float[]> originalParams = new ArrayList<>();
    try (PpoAgent agent = PpoAgent.create(config)) {
      continueTraining(agent, 1, new ArrayList<>()); // some history: moments, step, RNG moved
      agent.save(file);
      original = continueTraining(agent, 2, originalParams);
    }
    List<float[]> resumedParams = new ArrayList<>();
    List<int[]> resumed;
    try (PpoAgent agent = PpoAgent.load(file, config)) {
      assertThat(agent.updates()).isEqualTo(2);
      resumed = continueTraining(agent, 2, resumedParams);
    }
    assertThat(resumed).hasSameSizeAs(original);
    for (int i = 0; i < original.size(); i++) {
      assertThat(resumed.get(i)).as("decision record %d", i).isEqualTo(original.get(i));
    }
    for (int i = 0; i < originalParams.size(); i++) {
      assertThat(floatBits(resumedParams.get(i))).as("parameters after update %d", i)
          .isEqualTo(floatBits(originalParams.get(i)));
    }
  }

  /**
   * Weights alone (a fresh optimizer and random stream) continue differently, so the exact-resume
   * test above can tell a checkpoint that drops the optimizer or RNG state.
   */
  @Test
  void weightsAloneDoNotReproduceTraining(@TempDir Path dir) throws IOException {
    PpoConfig config = config();
    List<float[]> originalParams = new ArrayList<>();
    List<float[]> weightsOnlyParams = new ArrayList<>();
    float[] weights;
    try (PpoAgent agent = PpoAgent.create(config)) {
      continueTraining(agent, 1, new ArrayList<>());
      agent.save(dir.resolve("a"));
      weights = agent.parameters();
      continueTraining(agent, 2, originalParams);
    }
    try (PpoAgent agent = PpoAgent.create(config)) {
      agent.setParameters(weights);
      continueTraining(agent, 2, weightsOnlyParams);
    }
    assertThat(floatBits(weightsOnlyParams.get(1))).isNotEqualTo(floatBits(originalParams.get(1)));
  }

  @Test
  void aCheckpointFromAnotherConfigIsRefusedNamingBothHashes(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("agent.ckpt");
    PpoConfig config = config();
    try (PpoAgent agent = PpoAgent.create(config)) {
      agent.save(file);
    }
    PpoConfig other = config.toBuilder().learningRate(2e-3).build();
    assertThatThrownBy(() -> PpoAgent.load(file, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(config.hash()).hasMessageContaining(other.hash())
        .hasMessageContaining("lr=0.002");
  }

  @Test
  void aDamagedCheckpointIsRefused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("agent.ckpt");
    try (PpoAgent agent = PpoAgent.create(config())) {
      agent.save(file);
    }
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(file, bytes);
    assertThatThrownBy(() -> PpoAgent.load(file, config())).isInstanceOf(IOException.class)
        .hasMessageContaining("CRC");
    Files.write(file, java.util.Arrays.copyOf(bytes, 40));
    assertThatThrownBy(() -> PpoAgent.load(file, config())).isInstanceOf(IOException.class)
        .hasMessageContaining("truncated");
    assertThat(Files.list(dir)).containsExactly(file); // no temporary file left behind
  }
}
