package org.dpem.controller.policy;

import java.util.List;
import org.dpem.controller.metrics.EpochMetrics;
import org.dpem.controller.topology.NetworkModel;

/**
 * Everything a policy may know at the start of one epoch, immutable and batched, so that every
 * agent decides in one call.
 *
 * @param epoch epoch number, from 0
 * @param nowNanos time-base time at the epoch's start
 * @param epochNanos epoch length
 * @param model the static network (capacities, links, generating ends)
 * @param topologyVersion changes whenever the routable topology changes
 * @param pending queued requests, in arrival order, with their feasible candidate paths
 * @param resources capacity and holdings of every resource
 * @param nodes per-node local views, in model order
 * @param previous the previous epoch's metric deltas ({@link EpochMetrics#NONE} at first)
 * @param running allocations in progress, oldest first, which {@link ControlAction}s may act on
 */
public record EpochView(long epoch, long nowNanos, long epochNanos, NetworkModel model,
    long topologyVersion, List<PendingRequest> pending, ResourceView resources,
    List<NodeView> nodes, EpochMetrics previous, List<RunningAllocation> running) {
  public EpochView {
    pending = List.copyOf(pending);
    nodes = List.copyOf(nodes);
    running = List.copyOf(running);
  }

  /** A view with no running allocations. */
  public EpochView(long epoch, long nowNanos, long epochNanos, NetworkModel model,
      long topologyVersion, List<PendingRequest> pending, ResourceView resources,
      List<NodeView> nodes, EpochMetrics previous) {
    this(epoch, nowNanos, epochNanos, model, topologyVersion, pending, resources, nodes, previous,
        List.of());
  }

  public double epochSeconds() {
    return epochNanos / 1e9;
  }
}
