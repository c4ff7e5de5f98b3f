package org.dpem.controller.operator;

/**
 * One-line state of the controller.
 *
 * @param policy active policy
 * @param epoch epochs run
 * @param timeSeconds time-base time
 * @param estopped whether an emergency stop is in force
 * @param liveRequests queued plus allocated requests
 * @param activeAllocations allocations running
 * @param drainedNodes nodes drained
 * @param usableNodes nodes that can carry allocations
 * @param pairsDelivered pairs delivered so far
 * @param deliveryRate pairs delivered / pairs requested so far
 */
public record Status(String policy, long epoch, double timeSeconds, boolean estopped,
    int liveRequests, int activeAllocations, int drainedNodes, int usableNodes,
    long pairsDelivered, double deliveryRate) {}
