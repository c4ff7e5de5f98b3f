package org.dpem.controller.request;

/**
 * Where a request stands. QUEUED and ALLOCATED are live; the rest are terminal, and every request
 * the controller accepts reaches exactly one of them. A request refused at admission is created
 * REJECTED and was never accepted.
 */
public enum RequestState {
  QUEUED,
  ALLOCATED,
  DELIVERED,
  EXPIRED,
  FAILED,
  REJECTED;

  public boolean terminal() {
    return this != QUEUED && this != ALLOCATED;
  }

  /** Whether a live request may move from this state to {@code to}. */
  public boolean canMoveTo(RequestState to) {
    return switch (this) {
      case QUEUED -> to == ALLOCATED || to == EXPIRED || to == FAILED || to == REJECTED;
      // back to QUEUED when an allocation ends early (a device failed) and time remains
      case ALLOCATED -> to != ALLOCATED;
      default -> false;
    };
  }
}
