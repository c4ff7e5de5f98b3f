package org.dpem.controller.request;

import java.util.Objects;
import org.dpem.hal.NodeId;

/**
 * A request for entangled pairs between two nodes, as it arrived.
 *
 * @param id unique, increasing in arrival order
 * @param source the node that asked
 * @param destination the other end
 * @param minFidelity the fidelity floor each delivered pair must meet
 * @param pairs how many pairs
 * @param arrivalNanos time-base time it arrived
 * @param deadlineNanos time-base time by which the pairs must be delivered
 * @param priority larger wins contention
 */
public record Request(long id, NodeId source, NodeId destination, double minFidelity, int pairs,
    long arrivalNanos, long deadlineNanos, int priority) {
  public Request {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destination, "destination");
  }

  /** What a submitter asks for, before it has an id and an arrival time. */
  public record Spec(NodeId source, NodeId destination, double minFidelity, int pairs,
      long deadlineNanos, int priority) {
    public Spec {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
    }
  }
}
