package org.dpem.driver;

import java.util.Objects;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.safety.Limits;

/**
 * One device-database entry: which device, at which node, of which kind, reached how.
 *
 * @param id the device id (must match what the device reports)
 * @param node its node (must match)
 * @param kind its kind (must match)
 * @param endpoint serial port or MQTT broker
 * @param signingKey signs every command when set (the device then refuses unsigned actuation);
 *     null for none
 * @param configuredLimits limits from configuration that narrow the device's own; {@link
 *     Limits#NONE} to keep the device's
 */
public record DriverSpec(DeviceId id, NodeId node, DeviceKind kind, Endpoint endpoint,
    SigningKey signingKey, Limits configuredLimits) {
  public DriverSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(endpoint, "endpoint");
    configuredLimits = configuredLimits == null ? Limits.NONE : configuredLimits;
  }

  public static DriverSpec of(String id, String node, DeviceKind kind, Endpoint endpoint) {
    return new DriverSpec(DeviceId.of(id), NodeId.of(node), kind, endpoint, null, Limits.NONE);
  }

  public DriverSpec withSigningKey(SigningKey key) {
    return new DriverSpec(id, node, kind, endpoint, key, configuredLimits);
  }

  public DriverSpec withLimits(Limits limits) {
    return new DriverSpec(id, node, kind, endpoint, signingKey, limits);
  }
}
