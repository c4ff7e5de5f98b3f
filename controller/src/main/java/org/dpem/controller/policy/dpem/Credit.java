package org.dpem.controller.policy.dpem;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.dpem.controller.metrics.EpochMetrics;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.PendingRequest;
import org.dpem.controller.policy.RunningAllocation;
import org.dpem.controller.request.Request;
import org.dpem.controller.topology.NetworkModel;

/**
 * Splits the epoch's reward over the agents. The loop measures delivery, contention and waste
 * network-wide only ({@link EpochMetrics}); a team reward shared alike by 100 agents tells none
 * of them what its own actions did. So each term is split in proportion to local evidence, and
 * the shares sum to exactly the measured team reward:
 * <ul>
 *   <li>delivered pairs, by the pairs each node's own requests were seen to receive: the drop of
 *       a request's remaining pairs between views, and the rest of a request that left the views
 *       well before its deadline (so was delivered, not expired);
 *   <li>contention events, by each node's share of last epoch's claims and stock orders;
 *   <li>stock waste (stocked minus handed over), by each node's share of the pairs it ordered
 *       stocked.
 * </ul>
 * Where no node has evidence for a term, it is shared equally.
 */
final class Credit {
  private record Seen(int node, int remaining, double secondsLeft) {}

  private final NetworkModel model;
  private final int nodes;
  private Map<Long, Seen> seen = new HashMap<>();
  private final double[] delivered;
  private final double[] claims;
  private final double[] stocked;

  Credit(NetworkModel model) {
    this.model = model;
    this.nodes = model.nodeCount();
    delivered = new double[nodes];
    claims = new double[nodes];
    stocked = new double[nodes];
  }

  /** Records what node {@code node} decided this epoch: claims and stock orders, stocked pairs. */
  void decided(int node, int claimCount, int stockOrders, int stockPairs) {
    claims[node] += claimCount + stockOrders;
    stocked[node] += stockPairs;
  }

  /**
   * Every agent's share of the reward for the epoch that ended at {@code view}, written to
   * {@code out}; then starts counting the next epoch.
   */
  void rewards(EpochView view, double contentionPenalty, double wastePenalty, float[] out) {
    observe(view);
    EpochMetrics m = view.previous();
    double waste = m.stockedPairs() - m.stockedPairsUsed();
    double d = sum(delivered);
    double c = sum(claims);
    double s = sum(stocked);
    for (int i = 0; i < nodes; i++) {
      out[i] = (float) (share(delivered, d, i) * m.pairsDelivered()
          - contentionPenalty * share(claims, c, i) * m.contentionEvents()
          - wastePenalty * share(stocked, s, i) * waste);
    }
    Arrays.fill(delivered, 0);
    Arrays.fill(claims, 0);
    Arrays.fill(stocked, 0);
  }

  /** Forgets the tracked requests, at the end of an episode. */
  void reset() {
    seen = new HashMap<>();
    Arrays.fill(delivered, 0);
    Arrays.fill(claims, 0);
    Arrays.fill(stocked, 0);
  }

  private void observe(EpochView view) {
    Map<Long, Seen> now = new HashMap<>(seen.size() * 2 + 16);
    for (PendingRequest p : view.pending()) {
      track(now, p.request(), p.remaining(), p.secondsLeft());
    }
    for (RunningAllocation a : view.running()) {
      track(now, a.request(), a.remaining(), a.secondsLeft());
    }
    double gone = 2 * view.epochSeconds();
    for (Map.Entry<Long, Seen> e : seen.entrySet()) {
      Seen before = e.getValue();
      Seen after = now.get(e.getKey());
      if (after != null) {
        delivered[before.node()] += Math.max(0, before.remaining() - after.remaining());
      } else if (before.secondsLeft() > gone) {
        delivered[before.node()] += before.remaining();
      }
    }
    seen = now;
  }

  private void track(Map<Long, Seen> now, Request r, int remaining, double secondsLeft) {
    int node = model.indexOf(r.source());
    if (node >= 0) {
      now.putIfAbsent(r.id(), new Seen(node, remaining, secondsLeft));
    }
  }

  private double share(double[] evidence, double sum, int i) {
    return sum > 0 ? evidence[i] / sum : 1.0 / nodes;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }
}
