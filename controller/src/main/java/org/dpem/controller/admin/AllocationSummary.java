package org.dpem.controller.admin;

import java.util.List;

/**
 * An allocation holding resources along a path.
 *
 * @param id allocation id
 * @param requestId request it serves
 * @param path node ids from source to destination
 * @param state e.g. {@code reserved}, {@code generating}, {@code swapping}
 * @param pairsDelivered pairs delivered so far
 */
public record AllocationSummary(String id, String requestId, List<String> path, String state,
    int pairsDelivered) {
  public AllocationSummary {
    path = List.copyOf(path);
  }
}
