package org.dpem.controller.federation;

import java.util.List;

/**
 * What the aggregator tells every agent when a round opens.
 *
 * @param round the round id (increasing; updates must carry it)
 * @param participants the agents sampled for the round
 * @param weights the current global weights
 * @param timeoutMs how long the aggregator waits for updates
 */
public record RoundAnnouncement(long round, List<String> participants, float[] weights, long timeoutMs) {
  public RoundAnnouncement {
    participants = List.copyOf(participants);
  }
}
