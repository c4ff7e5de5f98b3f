package org.dpem.controller.admin;

import java.util.List;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;

/**
 * One device as the controller sees it.
 *
 * @param id device id
 * @param node node the device belongs to
 * @param kind source, memory or analyzer
 * @param state lifecycle state (SAFE after {@code estop})
 * @param transport how it is reached: {@code sim}, {@code serial} or {@code mqtt}
 * @param faults latched faults not yet cleared
 */
public record DeviceSummary(String id, String node, DeviceKind kind, DeviceState state, String transport,
    List<String> faults) {
  public DeviceSummary {
    faults = List.copyOf(faults);
  }
}
