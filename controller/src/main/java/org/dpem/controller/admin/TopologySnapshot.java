package org.dpem.controller.admin;

import java.util.List;

/** Nodes and links the controller routes on. */
public record TopologySnapshot(List<String> nodes, List<Link> links) {
  public TopologySnapshot {
    nodes = List.copyOf(nodes);
    links = List.copyOf(links);
  }

  /**
   * One link.
   *
   * @param a one end
   * @param b the other end
   * @param lengthKm fibre length
   * @param successProbability heralded generation success per attempt
   * @param fidelity link-level pair fidelity
   * @param state {@code up} (both ends usable) or {@code down}
   */
  public record Link(String a, String b, double lengthKm, double successProbability, double fidelity,
      String state) {}
}
