package org.dpem.controller.federation;

import java.util.function.Consumer;
import org.dpem.learning.federated.ClientUpdate;

/**
 * How rounds reach the agents and updates reach the aggregator. In process for simulation and
 * training, over MQTT for agents in other processes or on other machines; the aggregator and
 * the agents do not know which.
 */
public interface FederationTransport extends AutoCloseable {
  /** The aggregator's end: rounds go out, authenticated updates come in. */
  interface AggregatorEnd {
    /**
     * Announces a round to every agent.
     *
     * @throws FederationException if it could not be sent (the round should then be abandoned)
     */
    void announce(RoundAnnouncement round) throws FederationException;
  }

  /** An agent's end: authenticated rounds come in, updates go out. */
  interface AgentEnd {
    /**
     * Sends an update to the aggregator.
     *
     * @throws FederationException if it could not be sent; nothing is queued for later
     */
    void submit(ClientUpdate update) throws FederationException;
  }

  /**
   * Opens the aggregator's end.
   *
   * @param updates receives each update that passed authentication, on the transport's thread
   * @param reconnected called when the transport came back after a loss (e.g. a broker restart),
   *     so that the open round can be announced again
   */
  AggregatorEnd openAggregator(Consumer<ClientUpdate> updates, Runnable reconnected) throws FederationException;

  /**
   * Opens one agent's end.
   *
   * @param rounds receives each authenticated round announcement, on the transport's thread
   * @param reconnected called when the transport came back after a loss
   */
  AgentEnd openAgent(String agentId, Consumer<RoundAnnouncement> rounds, Runnable reconnected) throws FederationException;

  /** Traffic so far. */
  TransportStats stats();

  @Override
  void close();
}
