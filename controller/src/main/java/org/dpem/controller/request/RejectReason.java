package org.dpem.controller.request;

/** Why a request was refused (or withdrawn, for {@link #CANCELLED}). */
public enum RejectReason {
  /** Source or destination is not a node of this network. */
  UNKNOWN_NODE,
  /** Malformed: same source and destination, no pairs, a fidelity outside (0.25, 1]. */
  INVALID,
  /** No path of few enough hops can meet the fidelity floor (hop limit from the floor). */
  INFEASIBLE_FIDELITY,
  /** The deadline had already passed on arrival. */
  PAST_DEADLINE,
  /** An end node is drained and takes no new allocations. */
  NODE_DRAINED,
  /** The two ends are not connected at all. */
  NO_PATH,
  /** Withdrawn by the operator before it finished. */
  CANCELLED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
