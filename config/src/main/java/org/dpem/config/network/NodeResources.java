package org.dpem.config.network;

/**
 * Capacities of one node's simulated equipment.
 *
 * @param generationRatePairsPerS photon-pair generation rate of the node's source
 * @param repeaterCapacityPairsPerS entanglement swaps per second the node's repeater can do
 * @param memorySlots quantum memory slots
 * @param coherenceTimeS memory coherence time T (Werner decay {@code exp(-t/T)})
 * @param sourceFidelity fidelity F0 of freshly generated pairs
 */
public record NodeResources(
    double generationRatePairsPerS,
    double repeaterCapacityPairsPerS,
    int memorySlots,
    double coherenceTimeS,
    double sourceFidelity) {

  /** Defaults for an explicit node that says nothing: mid-range of the paper's draws. */
  public static final NodeResources DEFAULT = new NodeResources(5.0, 2.5, 10, 1.0, 0.95);
}
