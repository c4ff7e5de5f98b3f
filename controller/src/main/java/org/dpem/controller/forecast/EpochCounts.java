package org.dpem.controller.forecast;

import org.dpem.controller.run.Arrivals;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.dpem.sim.workload.Request;

/**
 * A workload's requests as the nodes see them, epoch by epoch: {@link #next} closes one epoch
 * and returns every node's {@link DemandHistory} counts, {@code [node][group]}.
 */
final class EpochCounts {
  private final Arrivals arrivals;
  private final NetworkModel model;
  private final long epochNanos;
  private final DemandHistory history;
  private Request ahead;
  private long epoch;

  EpochCounts(Arrivals arrivals, NetworkModel model, long epochNanos, int groups) {
    this.arrivals = arrivals;
    this.model = model;
    this.epochNanos = epochNanos;
    this.history = new DemandHistory(model.nodeCount(), groups);
    this.ahead = arrivals.next();
  }

  double[][] next() {
    long end = (epoch + 1) * epochNanos;
    while (ahead != null && ahead.arrivalNanos() < end) {
      int s = model.indexOf(NodeId.of(ahead.src()));
      int d = model.indexOf(NodeId.of(ahead.dst()));
      if (s >= 0 && d >= 0) {
        history.record(s, d, ahead.pairs());
      }
      ahead = arrivals.next();
    }
    epoch++;
    return history.close();
  }
}
