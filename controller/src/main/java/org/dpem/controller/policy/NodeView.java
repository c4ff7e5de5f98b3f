package org.dpem.controller.policy;

import java.util.List;
import org.dpem.hal.NodeId;

/**
 * One node's local view, what a per-node agent may observe.
 *
 * @param id the node
 * @param index its dense index in the network model
 * @param usable whether its devices can take commands
 * @param drained whether it takes no new allocations
 * @param neighbours adjacent nodes
 * @param freeGeneration generation attempts/s not held
 * @param freeSlots memory slots not held
 * @param freeSwap swaps/s not held
 * @param pendingHere ids of queued requests whose source is this node
 * @param forecast this node's demand forecast ({@link NodeForecast#NONE} unless the policy
 *     reads forecasts, see {@link AllocationPolicy#readsForecasts})
 */
public record NodeView(NodeId id, int index, boolean usable, boolean drained,
    List<NodeId> neighbours, double freeGeneration, double freeSlots, double freeSwap,
    List<Long> pendingHere, NodeForecast forecast) {
  public NodeView {
    neighbours = List.copyOf(neighbours);
    pendingHere = List.copyOf(pendingHere);
    forecast = forecast == null ? NodeForecast.NONE : forecast;
  }

  /** A view without a forecast. */
  public NodeView(NodeId id, int index, boolean usable, boolean drained, List<NodeId> neighbours,
      double freeGeneration, double freeSlots, double freeSwap, List<Long> pendingHere) {
    this(id, index, usable, drained, neighbours, freeGeneration, freeSlots, freeSwap, pendingHere,
        NodeForecast.NONE);
  }
}
