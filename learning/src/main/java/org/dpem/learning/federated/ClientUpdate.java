package org.dpem.learning.federated;

import java.util.Objects;

/**
 * One agent's contribution to a round.
 *
 * @param agent the agent's id
 * @param round the round it answers
 * @param delta its local weights minus the round's global weights (clipped by the agent; the
 *     aggregator clips again)
 */
public record ClientUpdate(String agent, long round, float[] delta) {
  public ClientUpdate {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(delta, "delta");
  }
}
