package org.dpem.hal;

import java.util.List;
import java.util.Optional;

/**
 * One trusted node: a site with its sources, memories and analyzers. The controller finds
 * equipment by capability, e.g. {@code node.devices(QuantumMemory.class)}, so a node may have
 * any mix of devices, reached in any mix of ways.
 */
public interface TrustedNode {
  NodeId id();

  /** Every device at this node, in a stable order. */
  List<Device> devices();

  /** The devices at this node that have capability {@code type}. */
  default <T extends Device> List<T> devices(Class<T> type) {
    return devices().stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The first device with capability {@code type}, if any. */
  default <T extends Device> Optional<T> device(Class<T> type) {
    return devices().stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** Whether every device at the node can take commands. */
  default boolean usable() {
    return !devices().isEmpty() && devices().stream().allMatch(d -> d.state().usable());
  }
}
