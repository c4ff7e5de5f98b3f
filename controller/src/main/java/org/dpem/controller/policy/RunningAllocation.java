package org.dpem.controller.policy;

import org.dpem.controller.request.Request;
import org.dpem.controller.topology.CandidatePath;

/**
 * An allocation in progress, as a policy sees it: what it may re-rate, preempt or abandon.
 *
 * @param id the allocation id ({@link ControlAction#allocationId})
 * @param request the request it serves (a split request has two)
 * @param path its path
 * @param rate granted end-to-end pairs/s
 * @param remaining pairs the request still needs, over all its allocations
 * @param secondsLeft time to the request's deadline
 */
public record RunningAllocation(long id, Request request, CandidatePath path, double rate,
    int remaining, double secondsLeft) {
  /** End-to-end pairs/s that would deliver the remaining pairs by the deadline in expectation. */
  public double neededRate() {
    return remaining / Math.max(1e-3, secondsLeft);
  }
}
