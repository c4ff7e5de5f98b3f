package org.dpem.config.workload;

import java.util.Map;

/**
 * The predictable workload: a diurnal cycle with bursts on top, sources and destinations from a
 * gravity model (node weights), and hot pairs that drift over minutes.
 *
 * @param ratePerS long-run mean arrivals per second, network-wide
 * @param periodS period of the cycle (shorter than a run by default, so a run sees it repeat)
 * @param amplitude relative swing of the cycle, in [0, 1]
 * @param burstFactor rate multiplier while a burst lasts (1: no bursts)
 * @param meanBurstS mean length of a burst
 * @param meanCalmS mean time between bursts
 * @param hotspots hot (source, destination) pairs live at any time
 * @param hotspotShare share of requests on the hot pairs
 * @param hotspotLifetimeS mean life of one hot pair before another replaces it
 * @param gravitySpread sigma of the log-normal node weights drawn from the seed (0: uniform)
 * @param nodeWeights explicit weights for some nodes, overriding the drawn ones
 */
public record MixedArrivals(double ratePerS, double periodS, double amplitude, double burstFactor,
    double meanBurstS, double meanCalmS, int hotspots, double hotspotShare, double hotspotLifetimeS,
    double gravitySpread, Map<String, Double> nodeWeights) implements ArrivalSpec {
  public MixedArrivals {
    nodeWeights = Map.copyOf(nodeWeights);
  }

  @Override
  public WorkloadType type() {
    return WorkloadType.MIXED;
  }
}
