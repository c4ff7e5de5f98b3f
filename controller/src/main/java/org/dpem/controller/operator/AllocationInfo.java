package org.dpem.controller.operator;

import java.util.List;

/**
 * @param id allocation id
 * @param requestId the request it serves
 * @param path node ids in order
 * @param rate granted end-to-end pairs/s
 * @param fidelityEstimate expected end-to-end fidelity
 * @param startSeconds time-base start
 * @param commanded whether every device acknowledged its start
 */
public record AllocationInfo(long id, long requestId, List<String> path, double rate,
    double fidelityEstimate, double startSeconds, boolean commanded) {}
