package org.dpem.controller.operator;

/**
 * @param id node id
 * @param usable whether all its devices take commands
 * @param drained whether it is drained
 * @param generationFree generation attempts/s not held / capacity
 * @param slotsFree memory slots not held / capacity
 * @param swapFree swaps/s not held / capacity
 */
public record NodeStatus(String id, boolean usable, boolean drained, double generationFree,
    double generationCapacity, double slotsFree, double slotsCapacity, double swapFree,
    double swapCapacity) {}
