package org.dpem.controller.topology;

import java.util.List;
import org.dpem.hal.NodeId;

/**
 * One loopless path between a request's ends, with what the controller expects of it.
 *
 * @param nodes the nodes in order, source first
 * @param nodeIndex the same nodes as indices into the {@link NetworkModel}
 * @param linkSuccess per link (i, i+1), the probability that one attempt heralds a pair
 * @param yield probability that one attempt on every link plus every swap all succeed: the
 *     {@code exp(-weight)} of routing, with swap success included
 * @param fidelity estimated end-to-end fidelity (swap law plus decay over the expected wait)
 */
public record CandidatePath(List<NodeId> nodes, int[] nodeIndex, double[] linkSuccess,
    double yield, double fidelity) {
  public CandidatePath {
    nodes = List.copyOf(nodes);
  }

  public int hops() {
    return nodes.size() - 1;
  }

  public NodeId source() {
    return nodes.get(0);
  }

  public NodeId destination() {
    return nodes.get(nodes.size() - 1);
  }

  @Override
  public String toString() {
    return String.join("-", nodes.stream().map(NodeId::value).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CandidatePath p && p.nodes.equals(nodes);
  }

  @Override
  public int hashCode() {
    return nodes.hashCode();
  }
}
