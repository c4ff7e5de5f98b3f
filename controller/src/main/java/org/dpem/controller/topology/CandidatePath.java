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
 * @param fidelity estimated end-to-end fidelity at the path's full generation rate (swap law
 *     plus decay over the expected wait)
 * @param heraldWerner product of the links' Werner parameters at herald, before any waiting
 * @param waitExponent how many expected waits the path's pairs spend in memory, {@code h (H_h - 1)}
 * @param coherenceS the shortest coherence time on the path
 * @param swapSuccess product of the inner nodes' swap success probabilities
 * @param chain what the path delivers per unit link herald rate with one slot per side, and the
 *     swaps that takes ({@link ChainModel}; 1 pair per herald for one hop, below
 *     {@code swapSuccess} for more)
 * @param capacity the end-to-end pairs/s the path can carry on an idle network: the least, over
 *     its generating nodes and swapping nodes, of capacity over what one pair/s uses there
 */
public record CandidatePath(List<NodeId> nodes, int[] nodeIndex, double[] linkSuccess,
    double yield, double fidelity, double heraldWerner, double waitExponent, double coherenceS,
    double swapSuccess, ChainModel chain, double capacity) {
  public CandidatePath {
    nodes = List.copyOf(nodes);
  }

  /**
   * The least end-to-end rate (pairs/s) at which this path's pairs still meet {@code floor}.
   * At end-to-end rate x every link heralds x / {@link #perHerald} pairs per second; a
   * pair waiting an exponential time of rate L for its partner keeps, in expectation, the factor
   * L / (L + 2/T) of its Werner parameter (both halves decay). So the floor needs
   * {@code (L / (L + 2/T))^e >= w_floor / w_herald}, i.e. {@code L >= (2/T) r / (1 - r)} with
   * {@code r = (w_floor / w_herald)^(1/e)}. 0 for a single link; infinite if even instant
   * swapping falls short.
   */
  public double minRate(double floor) {
    double wf = FidelityModel.werner(floor);
    if (wf > heraldWerner) {
      return Double.POSITIVE_INFINITY;
    }
    if (waitExponent <= 0 || wf <= 0) {
      return 0;
    }
    double r = Math.pow(wf / heraldWerner, 1 / waitExponent);
    if (r >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    return perHerald() * (2 / coherenceS) * r / (1 - r);
  }

  /** End-to-end pairs per unit link herald rate ({@link ChainModel#perHerald}). */
  public double perHerald() {
    return chain.perHerald();
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
