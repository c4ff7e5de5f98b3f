package org.dpem.config.network;

/** Topology generators; YAML names {@code random-mesh}, {@code waxman}, {@code chain}, {@code grid}. */
public enum GeneratorType {
  /** Connected random graph with a target average degree (the paper's topology). */
  RANDOM_MESH,
  /** Waxman graph: nodes placed uniformly in a square, linked with probability beta*exp(-d/(alpha*L)). */
  WAXMAN,
  /** A repeater chain of {@code hops} links. */
  CHAIN,
  /** A rows x cols lattice. */
  GRID
}
