package org.dpem.hal;

import java.util.Collection;
import java.util.Optional;
import org.dpem.hal.event.EventSource;

/**
 * Every trusted node and device the controller can reach, however each is reached: the device
 * database. Subscribing to it delivers the events of all its devices.
 */
public interface DeviceDirectory extends EventSource {
  /** All nodes, in a stable order. */
  Collection<? extends TrustedNode> nodes();

  Optional<? extends TrustedNode> node(NodeId id);

  Optional<Device> device(DeviceId id);
}
