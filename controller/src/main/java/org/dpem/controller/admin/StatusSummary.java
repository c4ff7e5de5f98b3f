package org.dpem.controller.admin;

/**
 * The controller at a glance.
 *
 * @param loop {@code running} or {@code estopped}
 * @param policy active allocation policy
 * @param epoch control epochs completed
 * @param timeSeconds controller time (virtual against the simulator)
 * @param usableNodes nodes that can carry allocations
 * @param drainedNodes nodes taken out of service
 * @param openRequests requests not yet in a terminal state
 * @param activeAllocations allocations holding resources
 * @param pairsDelivered pairs delivered so far
 * @param deliveryRate pairs delivered / pairs requested so far
 */
public record StatusSummary(String loop, String policy, long epoch, double timeSeconds, int usableNodes,
    int drainedNodes, int openRequests, int activeAllocations, long pairsDelivered, double deliveryRate) {}
