package org.dpem.config.controller;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Federated averaging of agent weights with differential privacy.
 *
 * @param enabled whether agents share weights at all
 * @param everyEpochs epochs between rounds
 * @param clipNorm L2 norm each update is clipped to
 * @param noiseMultiplier Gaussian noise standard deviation as a multiple of {@code clipNorm}
 * @param delta the delta of (epsilon, delta)-DP the accountant reports epsilon for
 * @param samplingRate probability with which each agent takes part in a round (Poisson sampling)
 * @param serverLearningRate step with which the aggregated update is applied
 * @param serverMomentum momentum of the server step, 0 for none
 * @param roundTimeoutMs how long a round waits for updates; later ones are dropped
 * @param epsilonBudget federation stops before epsilon would exceed this; infinite for no budget
 * @param rule how updates are combined
 * @param trimFraction for {@code trimmed-mean}: fraction trimmed at each end
 * @param normBound for {@code norm-bound}: the tighter bound; at most {@code clipNorm}
 * @param keys file of HMAC keys, one line {@code ID KEY_ID HEX} per agent node and one for
 *     {@code aggregator}; federation over MQTT runs only when it is given
 * @param privacyFile where the aggregator records the privacy spent, so that a restart continues
 *     the count instead of starting from zero
 */
public record FederationConfig(boolean enabled, int everyEpochs, double clipNorm, double noiseMultiplier, double delta,
    double samplingRate, double serverLearningRate, double serverMomentum, int roundTimeoutMs, double epsilonBudget,
    AggregationRule rule, double trimFraction, double normBound, Optional<Path> keys, Path privacyFile) {

  public static final FederationConfig DEFAULT = new FederationConfig(true, 50, 1.0, 1.1, 1e-5, 1.0, 1.0, 0.0, 10_000,
      Double.POSITIVE_INFINITY, AggregationRule.MEAN, 0.1, 1.0, Optional.empty(), Path.of("dpem.privacy"));

  public FederationConfig {
    Objects.requireNonNull(rule);
    Objects.requireNonNull(keys);
    Objects.requireNonNull(privacyFile);
  }
}
