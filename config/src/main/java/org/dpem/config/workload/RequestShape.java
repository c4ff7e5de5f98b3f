package org.dpem.config.workload;

import java.util.Objects;
import org.dpem.config.IntRange;
import org.dpem.config.Range;

/**
 * What each generated request asks for; each value drawn uniformly from its range.
 *
 * @param minFidelity the request's fidelity floor, within (0.25, 1]
 * @param pairs number of pairs wanted
 * @param deadlineS time from arrival to deadline
 */
public record RequestShape(Range minFidelity, IntRange pairs, Range deadlineS) {
  public static final RequestShape DEFAULT = new RequestShape(new Range(0.7, 0.9), new IntRange(1, 5), new Range(1, 10));

  public RequestShape {
    Objects.requireNonNull(minFidelity);
    Objects.requireNonNull(pairs);
    Objects.requireNonNull(deadlineS);
  }
}
