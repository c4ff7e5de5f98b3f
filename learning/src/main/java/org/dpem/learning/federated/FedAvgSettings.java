package org.dpem.learning.federated;

import java.util.Objects;

/**
 * The aggregator's settings.
 *
 * @param clipNorm S: every update is clipped to this L2 norm
 * @param noiseMultiplier z: the noise added to the sum has standard deviation z * S per coordinate
 * @param samplingRate q: each agent takes part in a round with this probability (Poisson sampling)
 * @param serverLearningRate the step the aggregated update is applied with
 * @param serverMomentum heavy-ball momentum on the aggregated update, 0 for none
 * @param robust the aggregation rule
 * @param trimFraction for {@link Robust#TRIMMED_MEAN}: the fraction trimmed at each end, in [0, 0.5)
 * @param normBound for {@link Robust#NORM_BOUND}: the bound B, at most S
 * @param delta the delta epsilon is reported for
 * @param epsilonBudget no round starts that would take epsilon above this; infinite for no budget
 */
public record FedAvgSettings(double clipNorm, double noiseMultiplier, double samplingRate, double serverLearningRate,
    double serverMomentum, Robust robust, double trimFraction, double normBound, double delta, double epsilonBudget) {

  public FedAvgSettings {
    Objects.requireNonNull(robust, "robust");
    require(clipNorm > 0 && Double.isFinite(clipNorm), "clip norm must be a positive number, got " + clipNorm);
    require(noiseMultiplier >= 0 && Double.isFinite(noiseMultiplier), "noise multiplier must be at least 0, got " + noiseMultiplier);
    require(samplingRate > 0 && samplingRate <= 1, "sampling rate must be in (0, 1], got " + samplingRate);
    require(serverLearningRate > 0 && Double.isFinite(serverLearningRate), "server learning rate must be positive, got " + serverLearningRate);
    require(serverMomentum >= 0 && serverMomentum < 1, "server momentum must be in [0, 1), got " + serverMomentum);
    require(trimFraction >= 0 && trimFraction < 0.5, "trim fraction must be in [0, 0.5), got " + trimFraction);
    require(normBound > 0 && normBound <= clipNorm, "norm bound must be in (0, clip norm " + clipNorm + "], got " + normBound);
    require(delta > 0 && delta < 1, "delta must be in (0, 1), got " + delta);
    require(epsilonBudget > 0, "epsilon budget must be positive (or infinite), got " + epsilonBudget);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** Plain DP-FedAvg: no momentum, learning rate 1, no robust rule, no budget. */
  public static FedAvgSettings of(double clipNorm, double noiseMultiplier, double samplingRate, double delta) {
    return new FedAvgSettings(clipNorm, noiseMultiplier, samplingRate, 1.0, 0.0, Robust.NONE, 0.1, clipNorm, delta,
        Double.POSITIVE_INFINITY);
  }

  public FedAvgSettings withRobust(Robust rule, double trim, double bound) {
    return new FedAvgSettings(clipNorm, noiseMultiplier, samplingRate, serverLearningRate, serverMomentum, rule, trim,
        bound, delta, epsilonBudget);
  }

  public FedAvgSettings withServerStep(double learningRate, double momentum) {
    return new FedAvgSettings(clipNorm, noiseMultiplier, samplingRate, learningRate, momentum, robust, trimFraction,
        normBound, delta, epsilonBudget);
  }

  public FedAvgSettings withBudget(double epsilon) {
    return new FedAvgSettings(clipNorm, noiseMultiplier, samplingRate, serverLearningRate, serverMomentum, robust,
        trimFraction, normBound, delta, epsilon);
  }
}
