package org.dpem.hal;

import java.util.List;
import java.util.Objects;

/**
 * A trusted node as a plain value: its id and its devices.
 *
 * @param id the node id
 * @param devices its devices; each must report this node as its own
 */
public record SimpleNode(NodeId id, List<Device> devices) implements TrustedNode {
  public SimpleNode {
    Objects.requireNonNull(id, "id");
    devices = List.copyOf(devices);
    for (Device d : devices) {
      if (!d.node().equals(id)) {
        throw new IllegalArgumentException("device " + d.id() + " belongs to node " + d.node()
            + ", not " + id);
      }
    }
  }
}
