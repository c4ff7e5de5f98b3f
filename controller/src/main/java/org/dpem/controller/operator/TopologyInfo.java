package org.dpem.controller.operator;

import java.util.List;

/**
 * The routable network now.
 *
 * @param version snapshot version
 * @param nodes every node id
 * @param usable node ids that can carry allocations
 * @param links every link as {@code a-b}, with whether both ends are usable
 */
public record TopologyInfo(long version, List<String> nodes, List<String> usable,
    List<LinkInfo> links) {
  /** One link. */
  public record LinkInfo(String a, String b, double lengthKm, double successProbability,
      double fidelity, boolean usable) {}
}
