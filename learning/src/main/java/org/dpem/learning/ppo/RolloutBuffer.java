package org.dpem.learning.ppo;

import java.util.Arrays;

/**
 * One rollout of {@code rolloutSteps} steps by {@code agents} agents acting in lock step (the
 * agents of one epoch, or parallel copies of an environment), then its GAE(lambda) advantages and
 * returns. A done flag means the episode ended with that step, so nothing is bootstrapped past
 * it. For an episode cut short by a time limit rather than ended, add
 * {@code gamma * value(final observation)} to that step's reward before passing it.
 */
public final class RolloutBuffer {
  private final int steps;
  private final int agents;
  private final int observationSize;
  private final int heads;
  private final int width;
  private final double gamma;
  private final double lambda;

  private final float[] observations;
  private final boolean[] masks;
  private final int[] actions;
  /** A teacher's actions for the same observations (kickstarting); valid when taughtSteps == filled. */
  private final int[] teacher;
  private int taughtSteps;
  private final float[] logProbs;
  private final float[] values;
  private final float[] rewards;
  private final boolean[] dones;
  private final float[] advantages;
  private final float[] returns;
  private int filled;
  private boolean finished;

  public RolloutBuffer(PpoConfig config, int agents) {
    if (agents <= 0) {
      throw new IllegalArgumentException("agents must be > 0, was " + agents);
    }
    this.steps = config.rolloutSteps();
    this.agents = agents;
    this.observationSize = config.observationSize();
    this.heads = config.actionHeads().size();
    this.width = config.logitCount();
    this.gamma = config.gamma();
    this.lambda = config.gaeLambda();
    int n = Math.multiplyExact(steps, agents);
    observations = new float[Math.multiplyExact(n, observationSize)];
    masks = new boolean[Math.multiplyExact(n, width)];
    actions = new int[n * heads];
    teacher = new int[n * heads];
    logProbs = new float[n];
    values = new float[n];
    rewards = new float[n];
    dones = new boolean[n];
    advantages = new float[n];
    returns = new float[n];
  }

  /**
   * Records one step of every agent: the observations and masks it acted on, what it chose, and
   * the reward and done flag that followed.
   */
  public void add(float[] obs, boolean[] stepMasks, ActionBatch chosen, float[] stepRewards,
      boolean[] stepDones) {
    add(obs, stepMasks, chosen, null, stepRewards, stepDones);
  }

  /**
   * As {@link #add(float[], boolean[], ActionBatch, float[], boolean[])}, with what a teacher
   * would have chosen for the same observations ({@code agents x heads}, null for none), for a
   * PPO update that also pulls the policy towards the teacher.
   */
  public void add(float[] obs, boolean[] stepMasks, ActionBatch chosen, int[] teacherActions, float[] stepRewards,
      boolean[] stepDones) {
    if (filled == steps) {
      throw new IllegalStateException("rollout is full (" + steps + " steps): update, then clear");
    }
    check("obs", obs.length, agents * observationSize);
    check("rewards", stepRewards.length, agents);
    check("dones", stepDones.length, agents);
    check("chosen.batch", chosen.batch(), agents);
    for (int i = 0; i < agents; i++) {
      if (!Float.isFinite(stepRewards[i])) {
        throw new IllegalArgumentException("reward of agent " + i + " at step " + filled + " is "
            + stepRewards[i] + ": rewards must be finite");
      }
    }
    int row = filled * agents;
    System.arraycopy(obs, 0, observations, row * observationSize, obs.length);
    if (stepMasks == null) {
      Arrays.fill(masks, row * width, (row + agents) * width, true);
    } else {
      check("masks", stepMasks.length, agents * width);
      System.arraycopy(stepMasks, 0, masks, row * width, stepMasks.length);
    }
    System.arraycopy(chosen.actions(), 0, actions, row * heads, agents * heads);
    if (teacherActions != null) {
      check("teacherActions", teacherActions.length, agents * heads);
      System.arraycopy(teacherActions, 0, teacher, row * heads, agents * heads);
      taughtSteps++;
    }
    System.arraycopy(chosen.logProbs(), 0, logProbs, row, agents);
    System.arraycopy(chosen.values(), 0, values, row, agents);
    System.arraycopy(stepRewards, 0, rewards, row, agents);
    System.arraycopy(stepDones, 0, dones, row, agents);
    filled++;
  }

  public boolean isFull() {
    return filled == steps;
  }

  /**
   * Computes advantages and returns; {@code lastValues} are the value estimates of the
   * observations that follow the last recorded step (ignored where that step was done).
   */
  public void finish(float[] lastValues) {
    if (!isFull()) {
      throw new IllegalStateException("rollout has " + filled + " of " + steps + " steps");
    }
    check("lastValues", lastValues.length, agents);
    for (int i = 0; i < agents; i++) {
      double gae = 0;
      for (int t = steps - 1; t >= 0; t--) {
        int k = t * agents + i;
        double next = t == steps - 1 ? lastValues[i] : values[k + agents];
        double notDone = dones[k] ? 0.0 : 1.0;
        double delta = rewards[k] + gamma * next * notDone - values[k];
        gae = delta + gamma * lambda * notDone * gae;
        advantages[k] = (float) gae;
        returns[k] = (float) (gae + values[k]);
      }
    }
    finished = true;
  }

  /** Empties the buffer for the next rollout. */
  public void clear() {
    filled = 0;
    taughtSteps = 0;
    finished = false;
  }

  /** Samples held: steps x agents. */
  public int size() {
    return steps * agents;
  }

  boolean isFinished() {
    return finished;
  }

  float[] observations() {
    return observations;
  }

  boolean[] masks() {
    return masks;
  }

  int[] actions() {
    return actions;
  }

  /** Whether every step recorded came with a teacher's actions. */
  boolean taught() {
    return filled > 0 && taughtSteps == filled;
  }

  int[] teacherActions() {
    return teacher;
  }

  float[] logProbs() {
    return logProbs;
  }

  float[] values() {
    return values;
  }

  /** The GAE advantages, sample {@code t * agents + i}; valid after {@link #finish}. */
  public float[] advantages() {
    return advantages.clone();
  }

  /** Advantages plus values (the value targets); valid after {@link #finish}. */
  public float[] returns() {
    return returns.clone();
  }

  float[] returnsView() {
    return returns;
  }

  float[] advantagesView() {
    return advantages;
  }

  private static void check(String what, int got, int expected) {
    if (got != expected) {
      throw new IllegalArgumentException(what + " has length " + got + ", expected " + expected);
    }
  }
}
