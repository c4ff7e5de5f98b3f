package org.dpem.controller.request;

/** Told of every request admission and state change, in order, on the loop thread. */
public interface RequestListener {
  /** A new request was admitted (QUEUED) or refused (REJECTED). */
  void admitted(TrackedRequest request);

  /** A request moved from {@code from} to its present state. */
  void moved(TrackedRequest request, RequestState from);

  /** One pair meeting the floor was delivered for it at {@code atNanos}. */
  default void pairDelivered(TrackedRequest request, double fidelity, long atNanos) {}
}
