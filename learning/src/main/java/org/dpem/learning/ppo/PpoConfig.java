package org.dpem.learning.ppo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Every PPO hyperparameter in one value, so a checkpoint can be tied to the exact settings that
 * produced it ({@link #hash()}). Defaults ({@link #defaults}) follow Stable-Baselines3's PPO
 * (which CleanRL's {@code ppo.py} matches except where noted): the values the literature's
 * results were obtained with, not values tuned on our tasks.
 *
 * @param observationSize floats per observation
 * @param actionHeads size of each categorical head of the multi-discrete action
 * @param hiddenSizes widths of the tanh hidden layers (of each body when not shared)
 * @param sharedTrunk one hidden body for policy and value, or one body each (SB3's default)
 * @param learningRate Adam step size at the first update
 * @param annealLearningRate decay the step size linearly to 0 over {@code totalUpdates}
 *     (CleanRL's default; SB3 keeps it constant)
 * @param totalUpdates updates the annealing schedule spans; 0 when not annealing
 * @param rolloutSteps steps per agent collected before each update
 * @param minibatchSize samples per gradient step
 * @param updateEpochs passes over the rollout per update
 * @param gamma discount factor
 * @param gaeLambda GAE(lambda) trace parameter
 * @param clipCoef PPO ratio clip (also the value clip when {@code clipValueLoss})
 * @param clipValueLoss clip the value prediction around the rollout's value (CleanRL's default)
 * @param valueCoef value loss weight
 * @param entropyCoef entropy bonus weight
 * @param maxGradNorm global gradient-norm clip
 * @param normalizeAdvantages standardize advantages per minibatch
 * @param targetKl stop an update's epochs once the approximate KL exceeds this; 0 disables
 * @param adamBeta1 Adam first-moment decay
 * @param adamBeta2 Adam second-moment decay
 * @param adamEps Adam epsilon (1e-5 as in both references, not PyTorch's 1e-8)
 * @param seed seed of the one random stream (initialization, sampling, shuffling)
 */
public record PpoConfig(
    int observationSize,
    List<Integer> actionHeads,
    List<Integer> hiddenSizes,
    boolean sharedTrunk,
    double learningRate,
    boolean annealLearningRate,
    int totalUpdates,
    int rolloutSteps,
    int minibatchSize,
    int updateEpochs,
    double gamma,
    double gaeLambda,
    double clipCoef,
    boolean clipValueLoss,
    double valueCoef,
    double entropyCoef,
    double maxGradNorm,
    boolean normalizeAdvantages,
    double targetKl,
    double adamBeta1,
    double adamBeta2,
    double adamEps,
    long seed) {

  public PpoConfig {
    actionHeads = List.copyOf(actionHeads);
    hiddenSizes = List.copyOf(hiddenSizes);
    positive("observationSize", observationSize);
    if (actionHeads.isEmpty()) {
      throw new IllegalArgumentException("actionHeads: at least one head is needed");
    }
    for (int i = 0; i < actionHeads.size(); i++) {
      positive("actionHeads[" + i + "]", actionHeads.get(i));
    }
    if (hiddenSizes.isEmpty()) {
      throw new IllegalArgumentException("hiddenSizes: at least one hidden layer is needed");
    }
    for (int i = 0; i < hiddenSizes.size(); i++) {
      positive("hiddenSizes[" + i + "]", hiddenSizes.get(i));
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be > 0, was " + learningRate);
    }
    if (annealLearningRate) {
      positive("totalUpdates (needed when annealLearningRate)", totalUpdates);
    } else if (totalUpdates < 0) {
      throw new IllegalArgumentException("totalUpdates must be >= 0, was " + totalUpdates);
    }
    positive("rolloutSteps", rolloutSteps);
    positive("minibatchSize", minibatchSize);
    positive("updateEpochs", updateEpochs);
    unit("gamma", gamma);
    unit("gaeLambda", gaeLambda);
    if (!(clipCoef > 0)) {
      throw new IllegalArgumentException("clipCoef must be > 0, was " + clipCoef);
    }
    nonNegative("valueCoef", valueCoef);
    nonNegative("entropyCoef", entropyCoef);
    if (!(maxGradNorm > 0)) {
      throw new IllegalArgumentException("maxGradNorm must be > 0, was " + maxGradNorm);
    }
    nonNegative("targetKl", targetKl);
    if (!(adamBeta1 >= 0 && adamBeta1 < 1)) {
      throw new IllegalArgumentException("adamBeta1 must be in [0, 1), was " + adamBeta1);
    }
    if (!(adamBeta2 >= 0 && adamBeta2 < 1)) {
      throw new IllegalArgumentException("adamBeta2 must be in [0, 1), was " + adamBeta2);
    }
    if (!(adamEps > 0)) {
      throw new IllegalArgumentException("adamEps must be > 0, was " + adamEps);
    }
  }

  /**
   * SB3's PPO defaults: 64-64 tanh bodies, one each for policy and value; lr 3e-4 constant;
   * 2048 steps; minibatch 64; 10 epochs; gamma 0.99; lambda 0.95; clip 0.2 with no value clip;
   * value weight 0.5; no entropy bonus; gradient norm 0.5; Adam eps 1e-5.
   */
  public static PpoConfig defaults(int observationSize, List<Integer> actionHeads) {
    return new PpoConfig(observationSize, actionHeads, List.of(64, 64), false, 3e-4, false, 0,
        2048, 64, 10, 0.99, 0.95, 0.2, false, 0.5, 0.0, 0.5, true, 0.0, 0.9, 0.999, 1e-5, 1L);
  }

  /** Sum of the head sizes: the width of the logits and of an action mask row. */
  public int logitCount() {
    int n = 0;
    for (int h : actionHeads) {
      n += h;
    }
    return n;
  }

  /** The learning rate for the update numbered {@code update} (0-based). */
  public double learningRateAt(long update) {
    if (!annealLearningRate) {
      return learningRate;
    }
    return learningRate * Math.max(0.0, 1.0 - (double) update / totalUpdates);
  }

  /**
   * A stable text of every field, the input of {@link #hash()}; doubles in round-trip form so
   * that two configs hash alike exactly when they are equal.
   */
  public String canonical() {
    return String.format(Locale.ROOT,
        "obs=%d heads=%s hidden=%s shared=%b lr=%s anneal=%b total=%d steps=%d mb=%d epochs=%d"
            + " gamma=%s lambda=%s clip=%s clipV=%b vf=%s ent=%s grad=%s normAdv=%b kl=%s"
            + " b1=%s b2=%s eps=%s seed=%d",
        observationSize, actionHeads, hiddenSizes, sharedTrunk, Double.toString(learningRate),
        annealLearningRate, totalUpdates, rolloutSteps, minibatchSize, updateEpochs,
        Double.toString(gamma), Double.toString(gaeLambda), Double.toString(clipCoef),
        clipValueLoss, Double.toString(valueCoef), Double.toString(entropyCoef),
        Double.toString(maxGradNorm), normalizeAdvantages, Double.toString(targetKl),
        Double.toString(adamBeta1), Double.toString(adamBeta2), Double.toString(adamEps), seed);
  }

  /** SHA-256 of {@link #canonical()}, hex: what a checkpoint records and resume checks. */
  public String hash() {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(canonical().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** A builder starting from these values, to change a few of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes a few fields of a config; every field keeps its value unless set. */
  public static final class Builder {
    private int observationSize;
    private List<Integer> actionHeads;
    private List<Integer> hiddenSizes;
    private boolean sharedTrunk;
    private double learningRate;
    private boolean annealLearningRate;
    private int totalUpdates;
    private int rolloutSteps;
    private int minibatchSize;
    private int updateEpochs;
    private double gamma;
    private double gaeLambda;
    private double clipCoef;
    private boolean clipValueLoss;
    private double valueCoef;
    private double entropyCoef;
    private double maxGradNorm;
    private boolean normalizeAdvantages;
    private double targetKl;
    private double adamBeta1;
    private double adamBeta2;
    private double adamEps;
    private long seed;

    private Builder(PpoConfig c) {
      observationSize = c.observationSize;
      actionHeads = c.actionHeads;
      hiddenSizes = c.hiddenSizes;
      sharedTrunk = c.sharedTrunk;
      learningRate = c.learningRate;
      annealLearningRate = c.annealLearningRate;
      totalUpdates = c.totalUpdates;
      rolloutSteps = c.rolloutSteps;
      minibatchSize = c.minibatchSize;
      updateEpochs = c.updateEpochs;
      gamma = c.gamma;
      gaeLambda = c.gaeLambda;
      clipCoef = c.clipCoef;
      clipValueLoss = c.clipValueLoss;
      valueCoef = c.valueCoef;
      entropyCoef = c.entropyCoef;
      maxGradNorm = c.maxGradNorm;
      normalizeAdvantages = c.normalizeAdvantages;
      targetKl = c.targetKl;
      adamBeta1 = c.adamBeta1;
      adamBeta2 = c.adamBeta2;
      adamEps = c.adamEps;
      seed = c.seed;
    }

    public Builder hiddenSizes(List<Integer> v) { hiddenSizes = v; return this; }
    public Builder sharedTrunk(boolean v) { sharedTrunk = v; return this; }
    public Builder learningRate(double v) { learningRate = v; return this; }
    /** Linear decay to 0 over {@code total} updates. */
    public Builder anneal(int total) { annealLearningRate = true; totalUpdates = total; return this; }
    public Builder rolloutSteps(int v) { rolloutSteps = v; return this; }
    public Builder minibatchSize(int v) { minibatchSize = v; return this; }
    public Builder updateEpochs(int v) { updateEpochs = v; return this; }
    public Builder gamma(double v) { gamma = v; return this; }
    public Builder gaeLambda(double v) { gaeLambda = v; return this; }
    public Builder clipCoef(double v) { clipCoef = v; return this; }
    public Builder clipValueLoss(boolean v) { clipValueLoss = v; return this; }
    public Builder valueCoef(double v) { valueCoef = v; return this; }
    public Builder entropyCoef(double v) { entropyCoef = v; return this; }
    public Builder maxGradNorm(double v) { maxGradNorm = v; return this; }
    public Builder normalizeAdvantages(boolean v) { normalizeAdvantages = v; return this; }
    public Builder targetKl(double v) { targetKl = v; return this; }
    public Builder adam(double beta1, double beta2, double eps) {
      adamBeta1 = beta1;
      adamBeta2 = beta2;
      adamEps = eps;
      return this;
    }
    public Builder seed(long v) { seed = v; return this; }

    public PpoConfig build() {
      return new PpoConfig(observationSize, actionHeads, hiddenSizes, sharedTrunk, learningRate,
          annealLearningRate, totalUpdates, rolloutSteps, minibatchSize, updateEpochs, gamma,
          gaeLambda, clipCoef, clipValueLoss, valueCoef, entropyCoef, maxGradNorm,
          normalizeAdvantages, targetKl, adamBeta1, adamBeta2, adamEps, seed);
    }
  }

  private static void positive(String name, int v) {
    if (v <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, was " + v);
    }
  }

  private static void nonNegative(String name, double v) {
    if (!(v >= 0)) {
      throw new IllegalArgumentException(name + " must be >= 0, was " + v);
    }
  }

  private static void unit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + v);
    }
  }
}
