package org.dpem.learning.federated;

import java.util.List;

/**
 * The outcome of one closed round.
 *
 * @param round the round id
 * @param sampled agents chosen by Poisson sampling
 * @param participants updates accepted
 * @param contributors the agents whose updates were accepted, in arrival order
 * @param dropped updates refused during the round (stale, duplicate, unsampled, malformed)
 * @param weights the new global weights
 * @param epsilon privacy spent after this round, at the settings' delta
 * @param order the Renyi order that gave {@code epsilon}
 */
public record RoundResult(long round, int sampled, int participants, List<String> contributors, int dropped,
    float[] weights, double epsilon, double order) {
  public RoundResult {
    contributors = List.copyOf(contributors);
  }
}
