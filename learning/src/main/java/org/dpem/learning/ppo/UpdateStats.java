package org.dpem.learning.ppo;

/**
 * What one PPO update did, averaged over its minibatches (the figures CleanRL and SB3 log).
 *
 * @param policyLoss clipped surrogate loss
 * @param valueLoss value loss (half the mean squared error, clipped if configured)
 * @param entropy mean joint entropy of the masked distribution
 * @param approxKl the low-variance estimator mean((r - 1) - log r) of KL(old || new)
 * @param clipFraction fraction of samples whose ratio left [1 - clip, 1 + clip]
 * @param explainedVariance 1 - Var(returns - values) / Var(returns) over the rollout
 * @param gradNorm mean global gradient norm before clipping
 * @param learningRate the step size used
 * @param epochs epochs run (fewer than configured when the KL target stopped the update)
 * @param minibatches gradient steps taken
 */
public record UpdateStats(
    double policyLoss,
    double valueLoss,
    double entropy,
    double approxKl,
    double clipFraction,
    double explainedVariance,
    double gradNorm,
    double learningRate,
    int epochs,
    int minibatches) {}
