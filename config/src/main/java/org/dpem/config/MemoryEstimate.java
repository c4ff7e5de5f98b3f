package org.dpem.config;

import org.dpem.config.network.ExplicitNetwork;
import org.dpem.config.network.GeneratorSpec;
import org.dpem.config.network.GeneratorType;
import org.dpem.config.network.NetworkSpec;

/**
 * The heap a run of a network needs, estimated from the network's shape before anything is built,
 * so that loading refuses a network the controller could not hold instead of a run dying of an
 * OutOfMemoryError after building for a while. It mirrors what a run allocates:
 *
 * <ul>
 *   <li>{@value #BASE_BYTES} bytes for the JVM's own classes, the simulator and the controller;
 *   <li>{@value #PER_NODE_BYTES} bytes per node (its simulated devices, model entry, routing and
 *       metrics state) and {@value #PER_LINK_BYTES} per link;
 *   <li>for the random-mesh and Waxman generators, the N x N adjacency matrix they draw links in;
 *   <li>4 bytes per ordered node pair: the hop-count table request admission fills for every node
 *       that sends a request, all of them over a long run.
 * </ul>
 *
 * The per-node and per-link figures are rounded up from the heap measured after garbage
 * collection on 2,000 and 5,000-node random meshes (29 and 68 MiB, README "Configuration").
 *
 * @param fixedBytes base, per-node and per-link terms
 * @param adjacencyBytes the generator's adjacency matrix (0 for other networks)
 * @param hopTableBytes the hop-count tables with every node a source
 */
public record MemoryEstimate(long fixedBytes, long adjacencyBytes, long hopTableBytes) {
  static final long BASE_BYTES = 64L << 20;
  static final long PER_NODE_BYTES = 8 << 10;
  static final long PER_LINK_BYTES = 512;
  /** Links per node assumed for a Waxman network, whose links are only known once drawn. */
  private static final int WAXMAN_LINKS_PER_NODE = 4;
  /** A Java array's header, per row of the two-dimensional tables. */
  private static final long ROW_HEADER_BYTES = 16;

  public static MemoryEstimate of(NetworkSpec network) {
    long n;
    long links;
    boolean matrix = false;
    if (network instanceof GeneratorSpec g) {
      n = g.nodes();
      links = g.expectedLinkCount().orElse((int) Math.min(Integer.MAX_VALUE, n * WAXMAN_LINKS_PER_NODE));
      matrix = g.type() == GeneratorType.RANDOM_MESH || g.type() == GeneratorType.WAXMAN;
    } else {
      ExplicitNetwork e = (ExplicitNetwork) network;
      n = e.nodes().size();
      links = e.links().size();
    }
    long fixed = BASE_BYTES + n * PER_NODE_BYTES + links * PER_LINK_BYTES;
    long adjacency = matrix ? n * (n + ROW_HEADER_BYTES) : 0;
    long hops = n * (4 * n + ROW_HEADER_BYTES);
    return new MemoryEstimate(fixed, adjacency, hops);
  }

  public long totalBytes() {
    return fixedBytes + adjacencyBytes + hopTableBytes;
  }

  /** The heap this JVM may grow to: what a run started the same way would have. */
  public static long heapLimitBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /** Why the network does not fit in {@code limitBytes}, or null if it does. */
  public String refusal(long limitBytes) {
    if (totalBytes() <= limitBytes) {
      return null;
    }
    return "a run of this network needs about " + size(totalBytes()) + " of memory ("
        + (adjacencyBytes > 0 ? size(adjacencyBytes) + " for the generator's adjacency matrix, " : "")
        + size(hopTableBytes) + " for the hop-count tables, " + size(fixedBytes)
        + " for nodes, links and the controller), but Java may use at most " + size(limitBytes)
        + " here: use fewer nodes, or give Java more memory (-Xmx)";
  }

  /** Bytes in MiB or GiB, one decimal. */
  public static String size(long bytes) {
    double mib = bytes / (double) (1L << 20);
    return mib >= 1024 ? String.format(java.util.Locale.ROOT, "%.1f GiB", mib / 1024)
        : String.format(java.util.Locale.ROOT, "%.1f MiB", mib);
  }
}
