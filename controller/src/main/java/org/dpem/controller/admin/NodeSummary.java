package org.dpem.controller.admin;

/**
 * One trusted node.
 *
 * @param id node id
 * @param state {@code active}, {@code drained} or {@code unusable} (a device cannot take commands)
 * @param devices number of devices
 * @param freeMemorySlots memory slots not held by an allocation
 * @param memorySlots memory slots in all
 */
public record NodeSummary(String id, String state, int devices, double freeMemorySlots, double memorySlots) {}
