package org.dpem.controller.topology;

import java.util.Objects;
import org.dpem.hal.NodeId;

/**
 * An optical link between two nodes, undirected.
 *
 * @param a one end
 * @param b the other end
 * @param lengthKm fibre length
 * @param successProbability probability that one generation attempt heralds a link pair
 * @param fidelity fidelity of a link pair at herald time
 */
public record LinkInfo(NodeId a, NodeId b, double lengthKm, double successProbability,
    double fidelity) {
  public LinkInfo {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      throw new IllegalArgumentException("link " + a + "-" + b + " joins a node to itself");
    }
    if (!(successProbability > 0 && successProbability <= 1)) {
      throw new IllegalArgumentException("link " + a + "-" + b + ": success probability "
          + successProbability + " must be in (0, 1]");
    }
    if (!(fidelity > 0.25 && fidelity <= 1)) {
      throw new IllegalArgumentException("link " + a + "-" + b + ": fidelity must be in (0.25, 1]");
    }
  }

  /** The end that is not {@code n}. */
  public NodeId other(NodeId n) {
    return n.equals(a) ? b : a;
  }
}
