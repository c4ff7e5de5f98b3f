package org.dpem.hal;

import org.dpem.hal.safety.Limits;

/**
 * What a device says about itself at handshake.
 *
 * @param id the device id
 * @param node the trusted node that hosts it
 * @param kind what it is
 * @param model maker and model, free text
 * @param firmware firmware version, free text
 * @param limits the device's own limits (before any narrowing by configuration)
 */
public record DeviceInfo(
    DeviceId id, NodeId node, DeviceKind kind, String model, String firmware, Limits limits) {
  public DeviceInfo {
    java.util.Objects.requireNonNull(id, "id");
    java.util.Objects.requireNonNull(node, "node");
    java.util.Objects.requireNonNull(kind, "kind");
    java.util.Objects.requireNonNull(limits, "limits");
    model = model == null ? "" : model;
    firmware = firmware == null ? "" : firmware;
  }
}
