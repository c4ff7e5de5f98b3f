package org.dpem.controller.request;

/**
 * A request and its progress. Mutated only on the control-loop thread; every state change goes
 * through {@link #moveTo}, which refuses illegal transitions so a request can never leave a
 * terminal state.
 */
public final class TrackedRequest {
  private final Request request;
  private RequestState state;
  private RejectReason reason;
  private String detail = "";
  private int delivered;
  private long allocation;
  private long closedNanos = -1;
  private double fidelitySum;

  TrackedRequest(Request request, RequestState initial, RejectReason reason, String detail) {
    this.request = request;
    this.state = initial;
    this.reason = reason;
    this.detail = detail == null ? "" : detail;
    if (initial.terminal()) {
      closedNanos = request.arrivalNanos();
    }
  }

  public Request request() {
    return request;
  }

  public long id() {
    return request.id();
  }

  public RequestState state() {
    return state;
  }

  /** Why it was rejected, or null. */
  public RejectReason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }

  /** Pairs delivered that met the floor before the deadline. */
  public int delivered() {
    return delivered;
  }

  public int remaining() {
    return request.pairs() - delivered;
  }

  /** Id of the allocation serving it, or 0. */
  public long allocation() {
    return allocation;
  }

  public long closedNanos() {
    return closedNanos;
  }

  /** Sum of the delivered pairs' fidelities (what the journal keeps). */
  public double fidelitySum() {
    return fidelitySum;
  }

  public double meanFidelity() {
    return delivered == 0 ? Double.NaN : fidelitySum / delivered;
  }

  void moveTo(RequestState to, RejectReason why, String detail, long nowNanos) {
    if (!state.canMoveTo(to)) {
      throw new IllegalStateException("request " + id() + ": " + state + " -> " + to + " is not allowed");
    }
    state = to;
    if (to == RequestState.REJECTED) {
      reason = why;
    }
    if (detail != null) {
      this.detail = detail;
    }
    if (to.terminal()) {
      closedNanos = nowNanos;
      allocation = 0;
    }
  }

  void allocation(long id) {
    allocation = id;
  }

  void addDelivered(double fidelity) {
    delivered++;
    fidelitySum += fidelity;
  }

  /** Restores progress from the journal. */
  void restore(int deliveredPairs, double fidelitySum) {
    this.delivered = deliveredPairs;
    this.fidelitySum = fidelitySum;
  }
}
