package org.dpem.config.network;

/**
 * What a node's generation rate counts; YAML names {@code heralded} and {@code emission}.
 */
public enum GenerationReading {
  /**
   * Heralded elementary pairs per second that the node's sources deliver to its links, a budget
   * shared by the links the node generates. The emission rate each link needs follows from its
   * loss and detector and analyzer efficiencies (emission = heralded / herald probability), and
   * the simulated source's emission limit is set to what the node's worst link needs.
   */
  HERALDED,
  /** Pairs per second the source emits; about a quarter to a twentieth of them herald. */
  EMISSION
}
