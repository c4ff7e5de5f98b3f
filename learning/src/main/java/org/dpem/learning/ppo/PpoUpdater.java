package org.dpem.learning.ppo;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.nio.FloatBuffer;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PPO update: minibatch epochs over a finished rollout with the clipped surrogate, the value
 * loss, the entropy bonus, global gradient-norm clipping and {@link Adam}. Not thread-safe; the
 * owning agent serializes calls.
 */
final class PpoUpdater {
  private static final Logger LOG = LoggerFactory.getLogger(PpoUpdater.class);
  /**
   * PyTorch allows one open GradientCollector per JVM (a second one throws), so every update in
   * this JVM takes this lock for its backward passes.
   */
  private static final Object GRADIENT_LOCK = new Object();

  private final PpoConfig config;
  private final Engine engine;
  private final ActorCritic net;
  private final Adam adam;
  private final MaskedHeads heads;
  private final Staging obsIn = new Staging();
  private final Staging biasIn = new Staging();
  private final Staging oneHotIn = new Staging();
  private final Staging teacherIn = new Staging();
  private final Staging oldLogProbIn = new Staging();
  private final Staging advantageIn = new Staging();
  private final Staging returnIn = new Staging();
  private final Staging oldValueIn = new Staging();

  PpoUpdater(PpoConfig config, Engine engine, ActorCritic net, Adam adam, MaskedHeads heads) {
    this.config = config;
    this.engine = engine;
    this.net = net;
    this.adam = adam;
    this.heads = heads;
  }

  /** One update (number {@code updateIndex}, 0-based, for the annealing schedule). */
  UpdateStats update(RolloutBuffer rollout, long updateIndex, Rng rng, double teacherWeight) {
    if (teacherWeight > 0 && !rollout.taught()) {
      throw new IllegalArgumentException("a teacher weight needs the teacher's actions in every step of the rollout");
    }
    return run(rollout, updateIndex, rng, false, teacherWeight);
  }

  /**
   * One imitation update: the actor learns the rollout's actions (a teacher's) by maximum
   * likelihood, the critic the rollout's returns, as in a PPO update otherwise (minibatches,
   * epochs, gradient clipping, the learning-rate schedule). The rollout's log-probabilities are
   * not read, and there is no entropy bonus and no early stop on KL.
   */
  UpdateStats imitate(RolloutBuffer rollout, long updateIndex, Rng rng) {
    return run(rollout, updateIndex, rng, true, 0);
  }

  private UpdateStats run(RolloutBuffer rollout, long updateIndex, Rng rng, boolean imitation,
      double teacherWeight) {
    if (!rollout.isFinished()) {
      throw new IllegalStateException("rollout not finished: call finish(lastValues) first");
    }
    ActorCritic.gradModeOffOnThisThread();
    int n = rollout.size();
    int mb = Math.min(config.minibatchSize(), n);
    double lr = config.learningRateAt(updateIndex);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double[] sums = new double[6];
    int steps = 0;
    int epochs = 0;
    synchronized (GRADIENT_LOCK) {
      for (int epoch = 0; epoch < config.updateEpochs(); epoch++) {
        rng.shuffle(order);
        double lastKl = 0;
        for (int start = 0; start < n; start += mb) {
          double[] s = minibatch(rollout, order, start, Math.min(n, start + mb), lr, imitation, teacherWeight);
          if (s == null) {
            continue; // skipped: not finite
          }
          for (int k = 0; k < s.length; k++) {
            sums[k] += s[k];
          }
          lastKl = s[3];
          steps++;
        }
        epochs++;
        if (!imitation && config.targetKl() > 0 && lastKl > config.targetKl()) {
          break;
        }
      }
    }
    return new UpdateStats(sums[0] / steps, sums[1] / steps, sums[2] / steps, sums[3] / steps,
        sums[4] / steps, explainedVariance(rollout.values(), rollout.returnsView()),
        sums[5] / steps, lr, epochs, steps);
  }

  /**
   * One gradient step; returns policy loss (imitating: the actions' negative log-likelihood),
   * value loss, entropy, KL, clip fraction (both against the rollout's log-probabilities) and
   * grad norm; or null, and no step, if the gradient is not finite.
   */
  private double[] minibatch(RolloutBuffer r, int[] order, int from, int to, double lr, boolean imitation,
      double teacherWeight) {
    int m = to - from;
    int obsSize = config.observationSize();
    int width = heads.width();
    float clip = (float) config.clipCoef();
    try (NDManager sub = net.manager().newSubManager()) {
      FloatBuffer obs = obsIn.open(m * obsSize);
      for (int i = from; i < to; i++) {
        obs.put(r.observations(), order[i] * obsSize, obsSize);
      }
      NDArray x = obsIn.array(sub, new Shape(m, obsSize));
      heads.writeBias(r.masks(), order, from, to, biasIn.open(m * width));
      NDArray bias = biasIn.array(sub, new Shape(m, width));
      heads.writeOneHot(r.actions(), order, from, to, oneHotIn.open(m * width));
      NDArray oneHot = oneHotIn.array(sub, new Shape(m, width));
      NDArray oldLogProb = gather(oldLogProbIn, r.logProbs(), order, from, to, sub);
      NDArray oldValue = gather(oldValueIn, r.values(), order, from, to, sub);
      NDArray ret = gather(returnIn, r.returnsView(), order, from, to, sub);
      NDArray adv = advantages(r.advantagesView(), order, from, to, sub);
      NDArray teacherHot = null;
      if (teacherWeight > 0) {
        heads.writeOneHot(r.teacherActions(), order, from, to, teacherIn.open(m * width));
        teacherHot = teacherIn.array(sub, new Shape(m, width));
      }

      NDArray parts;
      try (GradientCollector collector = engine.newGradientCollector()) {
        NDArray[] out = net.forward(x, true);
        NDArray logp = heads.logProbabilities(out[0], bias);
        NDArray newLogProb = logp.mul(oneHot).sum(new int[] {1});
        NDArray entropy = logp.exp().mul(logp).sum(new int[] {1}).neg().mean();
        NDArray logRatio = newLogProb.sub(oldLogProb);
        NDArray ratio = logRatio.exp();
        NDArray policyLoss = imitation ? newLogProb.neg().mean()
            : adv.mul(ratio).neg().maximum(adv.mul(ratio.clip(1f - clip, 1f + clip)).neg()).mean();
        NDArray value = out[1];
        NDArray valueLoss;
        if (config.clipValueLoss()) {
          NDArray clipped = oldValue.add(value.sub(oldValue).clip(-clip, clip));
          valueLoss = value.sub(ret).square().maximum(clipped.sub(ret).square()).mean().mul(0.5f);
        } else {
          valueLoss = value.sub(ret).square().mean().mul(0.5f);
        }
        NDArray loss = (imitation ? policyLoss : policyLoss.sub(entropy.mul((float) config.entropyCoef())))
            .add(valueLoss.mul((float) config.valueCoef()));
        if (teacherHot != null) {
          // kickstarting: the teacher's negative log-likelihood, weighted
          loss = loss.add(logp.mul(teacherHot).sum(new int[] {1}).neg().mean().mul((float) teacherWeight));
        }
        collector.backward(loss);
        NDArray approxKl = ratio.sub(1f).sub(logRatio).mean();
        NDArray clipFraction = ratio.sub(1f).abs().gt(clip).toType(DataType.FLOAT32, false).mean();
        parts = NDArrays.stack(new NDList(policyLoss, valueLoss, entropy, approxKl, clipFraction))
            .stopGradient();
      }
      // The collector restored grad mode off: the optimizer's in-place step is not recorded.
      NDArray flat = net.flat();
      NDArray grad = flat.getGradient();
      grad.attach(sub);
      double norm = grad.norm().getFloat();
      if (!Double.isFinite(norm)) {
        // a step with it would make every weight NaN: skipped, as mixed-precision trainers skip
        // overflowing steps, and said
        float[] f = parts.toFloatArray();
        LOG.warn(String.format(Locale.ROOT, "gradient norm %s (policy loss %s, value loss %s, entropy %s):"
            + " this minibatch's step is skipped, the weights are left as they were", norm, f[0], f[1], f[2]));
        JniUtils.zeroGrad((PtNDArray) flat);
        return null;
      }
      double scale = Math.min(1.0, config.maxGradNorm() / (norm + 1e-6));
      adam.step(grad, lr, scale, sub);
      JniUtils.zeroGrad((PtNDArray) flat);
      float[] f = parts.toFloatArray();
      return new double[] {f[0], f[1], f[2], f[3], f[4], norm};
    }
  }

  private static NDArray gather(Staging staging, float[] src, int[] order, int from, int to,
      NDManager sub) {
    FloatBuffer b = staging.open(to - from);
    for (int i = from; i < to; i++) {
      b.put(src[order[i]]);
    }
    return staging.array(sub, new Shape(to - from));
  }

  /** The minibatch's advantages, standardized with the unbiased std as both references do. */
  private NDArray advantages(float[] src, int[] order, int from, int to, NDManager sub) {
    int m = to - from;
    double mean = 0;
    double std = 1;
    double eps = 0;
    if (config.normalizeAdvantages() && m > 1) {
      for (int i = from; i < to; i++) {
        mean += src[order[i]];
      }
      mean /= m;
      double ss = 0;
      for (int i = from; i < to; i++) {
        double d = src[order[i]] - mean;
        ss += d * d;
      }
      std = Math.sqrt(ss / (m - 1));
      eps = 1e-8;
    }
    FloatBuffer b = advantageIn.open(m);
    for (int i = from; i < to; i++) {
      b.put((float) ((src[order[i]] - mean) / (std + eps)));
    }
    return advantageIn.array(sub, new Shape(m));
  }

  static double explainedVariance(float[] values, float[] returns) {
    int n = values.length;
    double meanR = 0;
    double meanD = 0;
    for (int i = 0; i < n; i++) {
      meanR += returns[i];
      meanD += returns[i] - values[i];
    }
    meanR /= n;
    meanD /= n;
    double varR = 0;
    double varD = 0;
    for (int i = 0; i < n; i++) {
      double r = returns[i] - meanR;
      double d = returns[i] - values[i] - meanD;
      varR += r * r;
      varD += d * d;
    }
    return varR == 0 ? Double.NaN : 1.0 - varD / varR;
  }
}
