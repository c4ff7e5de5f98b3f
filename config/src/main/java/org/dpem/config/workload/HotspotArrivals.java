package org.dpem.config.workload;

import java.util.List;

/**
 * Poisson arrivals where a {@code share} of requests go to the hotspot pairs (uniformly among
 * them) and the rest to uniformly chosen node pairs.
 */
public record HotspotArrivals(double ratePerS, List<NodePair> pairs, double share) implements ArrivalSpec {
  public HotspotArrivals {
    pairs = List.copyOf(pairs);
  }

  @Override
  public WorkloadType type() {
    return WorkloadType.HOTSPOT;
  }
}
