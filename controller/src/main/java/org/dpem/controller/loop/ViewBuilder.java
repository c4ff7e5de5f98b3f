package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import org.dpem.controller.metrics.EpochMetrics;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.NodeForecast;
import org.dpem.controller.policy.NodeView;
import org.dpem.controller.policy.PendingRequest;
import org.dpem.controller.policy.ResourceView;
import org.dpem.controller.policy.RunningAllocation;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.reserve.ResourceKind;
import org.dpem.controller.reserve.ResourceLedger;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.TopologySnapshot;
import org.dpem.hal.NodeId;

/** Builds the immutable {@link EpochView} a policy decides on. */
final class ViewBuilder {
  private final NetworkModel model;
  private final List<List<NodeId>> neighbours = new ArrayList<>();

  ViewBuilder(NetworkModel model) {
    this.model = model;
    for (int i = 0; i < model.nodeCount(); i++) {
      List<NodeId> n = new ArrayList<>();
      for (int l : model.linksAt(i)) {
        n.add(model.links().get(l).other(model.node(i).id()));
      }
      neighbours.add(List.copyOf(n));
    }
  }

  EpochView build(long epoch, long now, long epochNanos, TopologySnapshot topo,
      List<TrackedRequest> queued, ResourceLedger ledger, BitSet drained, EpochMetrics previous,
      Collection<Allocation> active, List<NodeForecast> forecasts) {
    List<PendingRequest> pending = new ArrayList<>(queued.size());
    List<List<Long>> here = new ArrayList<>(model.nodeCount());
    for (int i = 0; i < model.nodeCount(); i++) {
      here.add(new ArrayList<>(0));
    }
    for (TrackedRequest t : queued) {
      int s = model.indexOf(t.request().source());
      int d = model.indexOf(t.request().destination());
      pending.add(new PendingRequest(t.request(), t.remaining(),
          topo.feasiblePaths(s, d, t.request().minFidelity()),
          (t.request().deadlineNanos() - now) / 1e9));
      here.get(s).add(t.id());
    }
    List<NodeView> nodes = new ArrayList<>(model.nodeCount());
    for (int i = 0; i < model.nodeCount(); i++) {
      nodes.add(new NodeView(model.node(i).id(), i, topo.usable(i), drained.get(i),
          neighbours.get(i), ledger.free(ResourceKind.GENERATION.at(i)),
          ledger.free(ResourceKind.MEMORY.at(i)), ledger.free(ResourceKind.SWAP.at(i)),
          here.get(i), forecasts.isEmpty() ? NodeForecast.NONE : forecasts.get(i)));
    }
    List<RunningAllocation> running = new ArrayList<>(active.size());
    for (Allocation a : active) {
      TrackedRequest t = a.request();
      running.add(new RunningAllocation(a.id(), t.request(), a.path(), a.rate(), t.remaining(),
          (t.request().deadlineNanos() - now) / 1e9));
    }
    return new EpochView(epoch, now, epochNanos, model, topo.version(), pending,
        new ResourceView(ledger.capacities(), ledger.holdings()), nodes, previous, running);
  }
}
