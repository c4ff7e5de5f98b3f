package org.dpem.controller.policy;

/**
 * What a policy may do to an allocation already running (one of {@link EpochView#running}). The
 * loop applies actions before the epoch's claims, through the same ledger: what an action frees
 * is free for the claims, and a re-rate competes for capacity like a claim. An action naming an
 * allocation that is not running is ignored (with a warning), and only the first action per
 * allocation in a decision counts.
 */
public sealed interface ControlAction {
  /** The running allocation acted on. */
  long allocationId();

  /**
   * Serve the allocation at {@code rate} end-to-end pairs/s from now on, or at the largest rate
   * down to {@code minRate} that fits; if not even that fits it keeps its rate (a conflict).
   * Its memory slots are kept.
   */
  record ReRate(long allocationId, double rate, double minRate) implements ControlAction {
    public ReRate {
      if (!(rate > 0) || !(minRate > 0) || minRate > rate || !Double.isFinite(rate)) {
        throw new IllegalArgumentException("re-rate of allocation " + allocationId
            + ": need 0 < minRate <= rate < infinity, got " + minRate + ", " + rate);
      }
    }

    /** All or nothing at {@code rate}. */
    public ReRate(long allocationId, double rate) {
      this(allocationId, rate, rate);
    }
  }

  /**
   * End the allocation and return what it holds; its request goes back to the queue with the
   * pairs it still needs (or, if it is split, keeps being served by its other allocation).
   * Counted as a conflict.
   */
  record Preempt(long allocationId) implements ControlAction {}

  /**
   * Give the request up: end this allocation and any other serving the same request; the request
   * ends FAILED, recorded as abandoned by the policy.
   */
  record Abandon(long allocationId) implements ControlAction {}
}
