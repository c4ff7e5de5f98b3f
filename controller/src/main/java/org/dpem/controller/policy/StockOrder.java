package org.dpem.controller.policy;

import java.util.Objects;
import org.dpem.hal.NodeId;

/**
 * An order to keep up to {@code pairs} link pairs stored on the link between {@code a} and
 * {@code b}, generated ahead of demand and held in memory slots at both ends, where they decay
 * until an allocation whose path uses the link takes them. The link is undirected: the ends are
 * kept in a canonical order so two orders for the same link compare equal.
 *
 * @param a one end (the lesser id)
 * @param b the other end
 * @param pairs target number of stored pairs, at least 1
 */
public record StockOrder(NodeId a, NodeId b, int pairs) {
  public StockOrder {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      throw new IllegalArgumentException("stock order on " + a + "-" + b + " joins a node to itself");
    }
    if (pairs < 1) {
      throw new IllegalArgumentException("stock order on " + a + "-" + b + ": pairs must be at least 1, got " + pairs);
    }
    if (a.compareTo(b) > 0) {
      NodeId t = a;
      a = b;
      b = t;
    }
  }
}
