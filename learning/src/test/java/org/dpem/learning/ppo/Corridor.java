package org.dpem.learning.ppo;

import java.util.Arrays;
import java.util.List;

/**
 * A corridor of {@code length} cells, one per agent: start at cell 0, reward 1 on reaching the
 * last cell (the episode ends), nothing otherwise; episodes are also cut after {@code limit}
 * steps. Actions: 0 = left, 1 = right; left is masked at cell 0. Observation: the one-hot cell.
 * The shortest episode takes {@code length - 1} steps; a uniform random walk needs far more.
 */
final class Corridor {
  static final List<Integer> HEADS = List.of(2);

  final int length;
  final int limit;
  final int agents;
  final int[] position;
  final int[] elapsed;
  final float[] observations;
  final boolean[] masks;
  final float[] rewards;
  final boolean[] dones;
  long steps;
  long episodes;
  long episodeSteps;

  Corridor(int length, int limit, int agents) {
    this.length = length;
    this.limit = limit;
    this.agents = agents;
    position = new int[agents];
    elapsed = new int[agents];
    observations = new float[agents * length];
    masks = new boolean[agents * 2];
    rewards = new float[agents];
    dones = new boolean[agents];
    for (int i = 0; i < agents; i++) {
      observe(i);
    }
  }

  /** Applies each agent's action; fills rewards and dones; restarts finished episodes. */
  void step(ActionBatch chosen) {
    for (int i = 0; i < agents; i++) {
      int a = chosen.action(i, 0);
      if (a == 0 && position[i] == 0) {
        throw new AssertionError("agent " + i + " moved left through the wall (a masked action)");
      }
      position[i] += a == 1 ? 1 : -1;
      elapsed[i]++;
      steps++;
      boolean goal = position[i] == length - 1;
      rewards[i] = goal ? 1f : 0f;
      dones[i] = goal || elapsed[i] >= limit;
      if (dones[i]) {
        episodes++;
        episodeSteps += elapsed[i];
        position[i] = 0;
        elapsed[i] = 0;
      }
      observe(i);
    }
  }

  private void observe(int i) {
    Arrays.fill(observations, i * length, (i + 1) * length, 0f);
    observations[i * length + position[i]] = 1f;
    masks[i * 2] = position[i] > 0;
    masks[i * 2 + 1] = true;
  }

  /** Steps a greedy agent from cell 0 until the goal or the limit; returns the steps taken. */
  static int greedyEpisode(PpoAgent agent, int length, int limit) {
    Corridor c = new Corridor(length, limit, 1);
    for (int t = 1; t <= limit; t++) {
      c.step(agent.actGreedy(c.observations, c.masks, 1));
      if (c.dones[0]) {
        return c.rewards[0] > 0 ? t : limit + 1;
      }
    }
    return limit + 1;
  }
}
