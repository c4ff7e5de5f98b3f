package org.dpem.controller.admin;

import java.util.List;

/**
 * An allocation holding resources along a path.
 *
 * @param id allocation id
 * @param requestId request it serves
 * @param path node ids from source to destination
 * @param rate granted end-to-end pairs per second
 * @param fidelityEstimate expected end-to-end fidelity
 * @param startSeconds controller time it started
 * @param commanded whether every device acknowledged its part
 */
public record AllocationSummary(String id, String requestId, List<String> path, double rate,
    double fidelityEstimate, double startSeconds, boolean commanded) {
  public AllocationSummary {
    path = List.copyOf(path);
  }
}
