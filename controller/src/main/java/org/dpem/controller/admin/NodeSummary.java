package org.dpem.controller.admin;

/**
 * One trusted node.
 *
 * @param id node id
 * @param state {@code active} or {@code drained}
 * @param devices number of devices
 * @param freeMemorySlots memory slots not held by an allocation
 */
public record NodeSummary(String id, String state, int devices, int freeMemorySlots) {}
