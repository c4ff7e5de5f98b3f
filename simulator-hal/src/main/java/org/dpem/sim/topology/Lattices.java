package org.dpem.sim.topology;

import java.util.ArrayList;
import java.util.List;

/** Regular layouts: a chain (repeater line) and a grid, with identical nodes. */
public final class Lattices {
  private Lattices() {}

  /**
   * {@code hops} links in a line, nodes {@code n0 .. n<hops>}, each link {@code linkKm} long.
   * Every node gets source rate {@code ratePairsPerSecond} and swap capacity {@code swapPerSecond}.
   */
  public static Topology chain(int hops, double linkKm, double attenuationDbPerKm,
      double ratePairsPerSecond, double swapPerSecond, NodeTemplate t) {
    if (hops < 1) {
      throw new IllegalArgumentException("a chain needs at least 1 hop, got " + hops);
    }
    List<NodeSpec> nodes = new ArrayList<>();
    List<LinkSpec> links = new ArrayList<>();
    for (int i = 0; i <= hops; i++) {
      nodes.add(NodeSpec.of(Geometry.nodeId(i), i * linkKm, 0, t, ratePairsPerSecond, swapPerSecond));
      if (i > 0) {
        links.add(new LinkSpec(Geometry.nodeId(i - 1), Geometry.nodeId(i), linkKm, attenuationDbPerKm));
      }
    }
    return new Topology(nodes, links);
  }

  /** A rows x cols grid, node {@code n<r*cols+c>}, neighbours {@code spacingKm} apart. */
  public static Topology grid(int rows, int cols, double spacingKm, double attenuationDbPerKm,
      double ratePairsPerSecond, double swapPerSecond, NodeTemplate t) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("grid needs rows, cols >= 1, got " + rows + "x" + cols);
    }
    List<NodeSpec> nodes = new ArrayList<>();
    List<LinkSpec> links = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        nodes.add(NodeSpec.of(Geometry.nodeId(i), c * spacingKm, r * spacingKm, t,
            ratePairsPerSecond, swapPerSecond));
        if (c > 0) {
          links.add(new LinkSpec(Geometry.nodeId(i - 1), Geometry.nodeId(i), spacingKm, attenuationDbPerKm));
        }
        if (r > 0) {
          links.add(new LinkSpec(Geometry.nodeId(i - cols), Geometry.nodeId(i), spacingKm, attenuationDbPerKm));
        }
      }
    }
    return new Topology(nodes, links);
  }
}
