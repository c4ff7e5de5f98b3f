package org.dpem.sim.workload;

import java.util.Objects;

/**
 * One entanglement request: deliver {@code pairs} pairs between {@code src} and {@code dst},
 * each of fidelity at least {@code minFidelity}, by {@code deadlineNanos}.
 *
 * @param arrivalNanos when it arrives at its source node (virtual time)
 * @param src source node id
 * @param dst destination node id
 * @param minFidelity fidelity floor, in (0.25, 1]
 * @param pairs number of pairs, >= 1
 * @param deadlineNanos absolute virtual time by which the pairs must be delivered (> arrival)
 */
public record Request(long arrivalNanos, String src, String dst, double minFidelity, int pairs,
    long deadlineNanos) {
  public Request {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    if (arrivalNanos < 0) {
      throw new IllegalArgumentException("request arrival must be >= 0, got " + arrivalNanos + " ns");
    }
    if (src.equals(dst)) {
      throw new IllegalArgumentException("request source and destination are both " + src);
    }
    if (!(minFidelity > 0.25 && minFidelity <= 1)) {
      throw new IllegalArgumentException("min fidelity must lie in (0.25, 1], got " + minFidelity);
    }
    if (pairs < 1) {
      throw new IllegalArgumentException("pairs must be >= 1, got " + pairs);
    }
    if (deadlineNanos <= arrivalNanos) {
      throw new IllegalArgumentException("deadline must come after arrival");
    }
  }

  /** Time allowed after arrival, seconds (the trace's {@code deadline_s}). */
  public double relativeDeadlineSeconds() {
    return (deadlineNanos - arrivalNanos) / 1e9;
  }

  public double arrivalSeconds() {
    return arrivalNanos / 1e9;
  }
}
