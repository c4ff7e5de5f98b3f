package org.dpem.controller.reserve;

/**
 * The three reservable resources of a node. Generation is the node's source, which makes the
 * pairs of every link it is the generating end of (see
 * {@link org.dpem.controller.topology.NetworkModel}); it is how link generation is reserved.
 */
public enum ResourceKind {
  /** Generation attempts per second of the node's source (link generation). */
  GENERATION,
  /** Memory slots held (a count, not a rate). */
  MEMORY,
  /** Swaps per second of the node's repeater. */
  SWAP;

  static final ResourceKind[] ALL = values();

  /** Dense index of this kind at node {@code node}. */
  public int at(int node) {
    return node * 3 + ordinal();
  }

  public static int nodeOf(int resource) {
    return resource / 3;
  }

  public static ResourceKind kindOf(int resource) {
    return ALL[resource % 3];
  }
}
