package org.dpem.controller.policy;

import java.util.List;
import org.dpem.controller.request.Request;
import org.dpem.controller.topology.CandidatePath;

/**
 * A queued request as a policy sees it.
 *
 * @param request the request
 * @param remaining pairs still to deliver
 * @param candidates loopless candidate paths whose fidelity estimate meets the floor, best yield
 *     first (empty: no feasible path now)
 * @param secondsLeft time to the deadline
 */
public record PendingRequest(Request request, int remaining, List<CandidatePath> candidates,
    double secondsLeft) {
  /**
   * Safety factor on the rate that would deliver the remaining pairs exactly at the deadline
   * (fluid estimate): the same for every policy, so none gets an edge from it.
   */
  public static final double RATE_MARGIN = 2.0;
  /** The least fraction of the needed rate a claim accepts when capacity is short. */
  public static final double MIN_FRACTION = 0.25;

  public PendingRequest {
    candidates = List.copyOf(candidates);
  }

  public long id() {
    return request.id();
  }

  /** End-to-end pairs/s that delivers the remaining pairs by the deadline in expectation. */
  public double neededRate() {
    return remaining / Math.max(1e-3, secondsLeft);
  }

  /** The rate a policy asks for. */
  public double targetRate() {
    return RATE_MARGIN * neededRate();
  }

  /** The least rate worth an allocation. */
  public double minRate() {
    return MIN_FRACTION * neededRate();
  }

  /**
   * The least rate worth an allocation on {@code path}: enough to be useful and fast enough that
   * pairs do not decay below the floor while they wait ({@link CandidatePath#minRate}).
   */
  public double minRate(CandidatePath path) {
    return Math.max(minRate(), path.minRate(request.minFidelity()));
  }
}
