package org.dpem.controller.admin;

/**
 * The controller at a glance.
 *
 * @param loop {@code running}, {@code paused} or {@code estopped}
 * @param policy active allocation policy
 * @param epoch control epochs completed
 * @param timeSeconds controller time (virtual against the simulator)
 * @param nodes trusted nodes
 * @param devices devices over all nodes
 * @param openRequests requests not yet in a terminal state
 * @param activeAllocations allocations holding resources
 */
public record StatusSummary(String loop, String policy, long epoch, double timeSeconds, int nodes,
    int devices, int openRequests, int activeAllocations) {}
