package org.dpem.sim.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared steps of the geometric generators: placement, distances, joining components. */
final class Geometry {
  private Geometry() {}

  static double[][] place(int n, double areaKm, SplittableRandom rnd) {
    double[][] xy = new double[n][2];
    for (int i = 0; i < n; i++) {
      xy[i][0] = rnd.nextDouble() * areaKm;
      xy[i][1] = rnd.nextDouble() * areaKm;
    }
    return xy;
  }

  static double distance(double[][] xy, int i, int j) {
    return Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]);
  }

  /** Link length: the straight distance, at least {@code minKm} (fibres are never shorter). */
  static double length(double[][] xy, int i, int j, double minKm) {
    return Math.max(minKm, Math.round(distance(xy, i, j) * 1000) / 1000.0);
  }

  /**
   * Adds the shortest links that join the components of {@code adj} until the graph is
   * connected (always the shortest link leaving node 0's component, so the result is
   * deterministic and geometrically plausible).
   */
  static void connect(boolean[][] adj, double[][] xy) {
    int n = adj.length;
    while (true) {
      boolean[] in = component(adj, 0);
      int bi = -1;
      int bj = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int i = 0; i < n; i++) {
        if (!in[i]) {
          continue;
        }
        for (int j = 0; j < n; j++) {
          if (!in[j] && distance(xy, i, j) < best) {
            best = distance(xy, i, j);
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) {
        return;
      }
      adj[bi][bj] = true;
      adj[bj][bi] = true;
    }
  }

  static boolean[] component(boolean[][] adj, int start) {
    int n = adj.length;
    boolean[] in = new boolean[n];
    int[] stack = new int[n];
    int sp = 0;
    stack[sp++] = start;
    in[start] = true;
    while (sp > 0) {
      int u = stack[--sp];
      for (int v = 0; v < n; v++) {
        if (adj[u][v] && !in[v]) {
          in[v] = true;
          stack[sp++] = v;
        }
      }
    }
    return in;
  }

  static List<LinkSpec> links(boolean[][] adj, double[][] xy, double attenuation) {
    List<LinkSpec> links = new ArrayList<>();
    for (int i = 0; i < adj.length; i++) {
      for (int j = i + 1; j < adj.length; j++) {
        if (adj[i][j]) {
          links.add(new LinkSpec(nodeId(i), nodeId(j), length(xy, i, j, 0.1), attenuation));
        }
      }
    }
    return links;
  }

  /**
   * Nodes with a generation rate drawn from U(0, maxRate) and a swap capacity from
   * U(0, maxSwap), from their own stream so the draws do not depend on the link layout.
   */
  static List<NodeSpec> nodes(double[][] xy, NodeTemplate t, double maxRate, double maxSwap,
      SplittableRandom rnd) {
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 0; i < xy.length; i++) {
      double rate = round3(rnd.nextDouble() * maxRate);
      double swap = round3(rnd.nextDouble() * maxSwap);
      nodes.add(NodeSpec.of(nodeId(i), xy[i][0], xy[i][1], t, rate, swap));
    }
    return nodes;
  }

  static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  static String nodeId(int i) {
    return "n" + i;
  }
}
