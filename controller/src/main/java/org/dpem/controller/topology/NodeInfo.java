package org.dpem.controller.topology;

import java.util.Objects;
import org.dpem.hal.NodeId;

/**
 * What the controller knows about one trusted node's capacities, from configuration (and, when a
 * device reports better values, from the device).
 *
 * @param id the node
 * @param generationRate pair-generation attempts per second its source can make (paper: U(0,10))
 * @param swapCapacity swaps per second its repeater can make (paper: U(0,5))
 * @param memorySlots memory slots
 * @param coherenceTimeS memory coherence time T, seconds (Werner decay)
 * @param sourceFidelity fidelity F0 of freshly generated pairs
 * @param swapSuccess probability that one swap at this node succeeds
 */
public record NodeInfo(NodeId id, double generationRate, double swapCapacity, int memorySlots,
    double coherenceTimeS, double sourceFidelity, double swapSuccess) {
  public NodeInfo {
    Objects.requireNonNull(id, "id");
    if (generationRate < 0 || swapCapacity < 0 || memorySlots < 0) {
      throw new IllegalArgumentException("node " + id + ": capacities must be >= 0");
    }
    if (!(coherenceTimeS > 0)) {
      throw new IllegalArgumentException("node " + id + ": coherence time must be > 0");
    }
    if (!(sourceFidelity > 0.25 && sourceFidelity <= 1)) {
      throw new IllegalArgumentException("node " + id + ": source fidelity must be in (0.25, 1]");
    }
    if (!(swapSuccess > 0 && swapSuccess <= 1)) {
      throw new IllegalArgumentException("node " + id + ": swap success must be in (0, 1]");
    }
  }
}
