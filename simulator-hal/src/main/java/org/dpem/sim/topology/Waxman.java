package org.dpem.sim.topology;

import java.util.SplittableRandom;
import org.dpem.sim.engine.RandomStreams;

/**
 * Waxman random graph: nodes uniform in a square, each pair linked with probability
 * beta exp(-d / (alpha L)), L the largest distance between two nodes. Components are then
 * joined by their shortest links, so the result is always connected. Per-node rate and swap
 * capacity are drawn as in {@link RandomMesh}.
 */
public record Waxman(int nodes, double alpha, double beta, double areaKm,
    double attenuationDbPerKm, double maxRatePairsPerSecond, double maxSwapPerSecond,
    NodeTemplate template) {

  public Waxman {
    if (nodes < 1) {
      throw new IllegalArgumentException("Waxman graph needs at least 1 node, got " + nodes);
    }
    if (!(alpha > 0) || !(beta > 0 && beta <= 1)) {
      throw new IllegalArgumentException("Waxman needs alpha > 0 and beta in (0, 1], got alpha "
          + alpha + ", beta " + beta);
    }
  }

  public Topology generate(long seed) {
    RandomStreams streams = new RandomStreams(seed);
    double[][] xy = Geometry.place(nodes, areaKm, streams.stream("topology.placement"));
    SplittableRandom wiring = streams.stream("topology.links");
    double maxD = 0;
    for (int i = 0; i < nodes; i++) {
      for (int j = i + 1; j < nodes; j++) {
        maxD = Math.max(maxD, Geometry.distance(xy, i, j));
      }
    }
    boolean[][] adj = new boolean[nodes][nodes];
    for (int i = 0; i < nodes; i++) {
      for (int j = i + 1; j < nodes; j++) {
        double p = beta * Math.exp(-Geometry.distance(xy, i, j) / (alpha * Math.max(maxD, 1e-9)));
        if (wiring.nextDouble() < p) {
          adj[i][j] = true;
          adj[j][i] = true;
        }
      }
    }
    Geometry.connect(adj, xy);
    return new Topology(Geometry.nodes(xy, template, maxRatePairsPerSecond, maxSwapPerSecond,
        streams.stream("topology.equipment")), Geometry.links(adj, xy, attenuationDbPerKm));
  }
}
