package org.dpem.learning.federated;

/**
 * The outcome of one closed round.
 *
 * @param round the round id
 * @param sampled agents chosen by Poisson sampling
 * @param participants updates accepted
 * @param dropped updates refused during the round (stale, duplicate, unsampled, malformed)
 * @param weights the new global weights
 * @param epsilon privacy spent after this round, at the settings' delta
 * @param order the Renyi order that gave {@code epsilon}
 */
public record RoundResult(long round, int sampled, int participants, int dropped, float[] weights, double epsilon,
    double order) {}
