package org.dpem.config.network;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A trusted node of an explicit network.
 *
 * @param id unique node id
 * @param xKm optional position, used for drawing and distance-based defaults
 * @param yKm optional position
 * @param resources what the node's simulated devices can do (used for nodes without explicit
 *     devices, and as the simulated physics of devices with driver {@code sim})
 */
public record NodeSpec(String id, OptionalDouble xKm, OptionalDouble yKm, NodeResources resources) {
  public NodeSpec {
    Objects.requireNonNull(id);
    Objects.requireNonNull(xKm);
    Objects.requireNonNull(yKm);
    Objects.requireNonNull(resources);
  }
}
