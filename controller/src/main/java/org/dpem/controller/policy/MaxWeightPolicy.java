package org.dpem.controller.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpem.controller.reserve.Claim;
import org.dpem.hal.NodeId;

/**
 * Queue-length-weighted scheduling, the throughput-optimal classic: each (source, destination)
 * pair is a queue whose length is its backlog of undelivered pairs; a request's weight is its
 * queue's backlog times the yield of its best feasible path (the service it gets per unit of
 * resource). Requests are served in decreasing weight (ties: request id) on their first path with
 * room, as {@link GreedyPolicy} does. This is the usual greedy approximation of the max-weight
 * matching, which is NP-hard with paths sharing nodes.
 */
public final class MaxWeightPolicy implements AllocationPolicy {
  @Override
  public String name() {
    return "max-weight";
  }

  @Override
  public Decision decide(EpochView view) {
    Map<List<NodeId>, Long> backlog = new HashMap<>();
    for (PendingRequest p : view.pending()) {
      backlog.merge(queueKey(p), (long) p.remaining(), Long::sum);
    }
    List<PendingRequest> order = new ArrayList<>();
    for (PendingRequest p : view.pending()) {
      if (!p.candidates().isEmpty()) {
        order.add(p);
      }
    }
    order.sort(Comparator.comparingDouble((PendingRequest p) ->
            -backlog.get(queueKey(p)) * p.candidates().get(0).yield())
        .thenComparingLong(PendingRequest::id));
    FreeCapacity free = new FreeCapacity(view.resources());
    List<Claim> claims = new ArrayList<>();
    for (PendingRequest p : order) {
      Claim c = GreedyPolicy.firstFit(view, free, p);
      if (c != null) {
        claims.add(c);
      }
    }
    return Decision.of(claims);
  }

  private static List<NodeId> queueKey(PendingRequest p) {
    return List.of(p.request().source(), p.request().destination());
  }
}
