package org.dpem.controller.admin;

import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;

/**
 * One device as the controller sees it.
 *
 * @param id device id
 * @param node node the device belongs to
 * @param kind source, memory or analyzer
 * @param state lifecycle state (SAFE after {@code estop})
 * @param detail why it is in that state (a latched fault, a lost link), or empty
 */
public record DeviceSummary(String id, String node, DeviceKind kind, DeviceState state, String detail) {}
