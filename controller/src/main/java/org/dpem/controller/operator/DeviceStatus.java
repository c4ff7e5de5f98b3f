package org.dpem.controller.operator;

/**
 * @param id device id
 * @param node its node
 * @param kind source, memory or analyzer
 * @param state lifecycle state
 * @param detail reason for the state
 */
public record DeviceStatus(String id, String node, String kind, String state, String detail) {}
