package org.dpem.config.controller;

/**
 * Federated averaging of agent weights with differential privacy.
 *
 * @param enabled whether agents share weights at all
 * @param everyEpochs epochs between rounds
 * @param clipNorm L2 norm each update is clipped to
 * @param noiseMultiplier Gaussian noise standard deviation as a multiple of {@code clipNorm}
 * @param delta the delta of (epsilon, delta)-DP the accountant reports epsilon for
 */
public record FederationConfig(boolean enabled, int everyEpochs, double clipNorm, double noiseMultiplier, double delta) {
  public static final FederationConfig DEFAULT = new FederationConfig(true, 50, 1.0, 1.1, 1e-5);
}
