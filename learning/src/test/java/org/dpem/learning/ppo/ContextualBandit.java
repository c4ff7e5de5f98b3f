package org.dpem.learning.ppo;

import java.util.List;

/**
 * A contextual bandit with a two-head action: four contexts (one-hot), head 0 has four actions
 * and head 1 three, of which the last is always masked. Each head scores 0.5 when it picks its
 * context's target, so a uniform policy earns 0.375 on average and the best one 1.0. Stateless
 * apart from its own random stream, which draws the contexts.
 */
final class ContextualBandit {
  static final int CONTEXTS = 4;
  static final List<Integer> HEADS = List.of(4, 3);
  static final int WIDTH = 7;

  private final Rng rng;
  private final int agents;
  final int[] context;
  final float[] observations;
  final boolean[] masks;

  ContextualBandit(int agents, long seed) {
    this.rng = new Rng(seed);
    this.agents = agents;
    this.context = new int[agents];
    this.observations = new float[agents * CONTEXTS];
    this.masks = new boolean[agents * WIDTH];
    for (int i = 0; i < agents; i++) {
      for (int k = 0; k < WIDTH; k++) {
        masks[i * WIDTH + k] = k != WIDTH - 1;
      }
    }
    draw();
  }

  /** The most probable actions of {@code agent} for each context once, in context order. */
  static ActionBatch actOnEveryContext(PpoAgent agent) {
    float[] obs = new float[CONTEXTS * CONTEXTS];
    boolean[] masks = new boolean[CONTEXTS * WIDTH];
    for (int k = 0; k < CONTEXTS; k++) {
      obs[k * CONTEXTS + k] = 1f;
      for (int j = 0; j < WIDTH - 1; j++) {
        masks[k * WIDTH + j] = true;
      }
    }
    return agent.actGreedy(obs, masks, CONTEXTS);
  }

  static int target0(int context) {
    return (3 * context + 1) % 4;
  }

  static int target1(int context) {
    return context % 2;
  }

  /** Scores the chosen actions and draws the next contexts; every step ends an episode. */
  float[] step(ActionBatch chosen) {
    float[] rewards = new float[agents];
    for (int i = 0; i < agents; i++) {
      rewards[i] = 0.5f * (chosen.action(i, 0) == target0(context[i]) ? 1 : 0)
          + 0.5f * (chosen.action(i, 1) == target1(context[i]) ? 1 : 0);
    }
    draw();
    return rewards;
  }

  private void draw() {
    java.util.Arrays.fill(observations, 0f);
    for (int i = 0; i < agents; i++) {
      context[i] = rng.nextInt(CONTEXTS);
      observations[i * CONTEXTS + context[i]] = 1f;
    }
  }
}
