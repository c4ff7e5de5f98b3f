package org.dpem.sim.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dpem.sim.engine.RandomStreams;

/**
 * The paper's random mesh: N nodes placed uniformly in a square, joined first by a random
 * geometric spanning tree (each node, in random order, links to its nearest already-joined
 * node), then by extra links until the average degree is reached; each extra link joins a
 * uniformly chosen node to one of its nearest non-neighbours (so fibres stay regional, as in a
 * metro network). Per node, the generation rate is drawn from U(0, maxRate) pairs/s and the
 * repeater (swap) capacity from U(0, maxSwap) pairs/s; everything derives from the seed.
 *
 * @param nodes number of nodes (>= 2)
 * @param averageDegree target 2|E|/|V| (>= 2 (N-1)/N, at most N-1)
 * @param areaKm side of the square, km
 * @param attenuationDbPerKm fibre loss of every link
 * @param maxRatePairsPerSecond upper end of the per-node generation rate (paper: 10)
 * @param maxSwapPerSecond upper end of the per-node swap capacity (paper: 5)
 * @param template equipment of every node
 */
public record RandomMesh(int nodes, double averageDegree, double areaKm, double attenuationDbPerKm,
    double maxRatePairsPerSecond, double maxSwapPerSecond, NodeTemplate template) {

  public RandomMesh {
    if (nodes < 2) {
      throw new IllegalArgumentException("a mesh needs at least 2 nodes, got " + nodes);
    }
    double minDegree = 2.0 * (nodes - 1) / nodes;
    if (averageDegree < minDegree - 1e-9 || averageDegree > nodes - 1) {
      throw new IllegalArgumentException("average degree " + averageDegree + " is outside ["
          + minDegree + ", " + (nodes - 1) + "] for " + nodes + " connected nodes");
    }
  }

  /** The paper's scenario: 100 nodes, average degree 4, 100 km square, 0.2 dB/km, U(0,10), U(0,5). */
  public static RandomMesh paper() {
    return new RandomMesh(100, 4, 100, LinkSpec.TELECOM_DB_PER_KM, 10, 5, NodeTemplate.defaults());
  }

  public Topology generate(long seed) {
    RandomStreams streams = new RandomStreams(seed);
    SplittableRandom placement = streams.stream("topology.placement");
    SplittableRandom wiring = streams.stream("topology.links");
    double[][] xy = Geometry.place(nodes, areaKm, placement);
    boolean[][] adj = new boolean[nodes][nodes];
    int[] order = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      order[i] = i;
    }
    for (int i = nodes - 1; i > 0; i--) {
      int j = wiring.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    for (int k = 1; k < nodes; k++) {
      int u = order[k];
      int best = order[0];
      for (int m = 1; m < k; m++) {
        if (Geometry.distance(xy, u, order[m]) < Geometry.distance(xy, u, best)) {
          best = order[m];
        }
      }
      adj[u][best] = true;
      adj[best][u] = true;
    }
    int edges = nodes - 1;
    int target = (int) Math.round(averageDegree * nodes / 2);
    int nearest = Math.max(2, (int) Math.ceil(2 * averageDegree));
    while (edges < target) {
      int u = wiring.nextInt(nodes);
      List<Integer> candidates = new ArrayList<>();
      for (int v = 0; v < nodes; v++) {
        if (v != u && !adj[u][v]) {
          candidates.add(v);
        }
      }
      if (candidates.isEmpty()) {
        continue;
      }
      candidates.sort((p, q) -> Double.compare(Geometry.distance(xy, u, p), Geometry.distance(xy, u, q)));
      int v = candidates.get(wiring.nextInt(Math.min(nearest, candidates.size())));
      adj[u][v] = true;
      adj[v][u] = true;
      edges++;
    }
    return new Topology(Geometry.nodes(xy, template, maxRatePairsPerSecond, maxSwapPerSecond,
        streams.stream("topology.equipment")), Geometry.links(adj, xy, attenuationDbPerKm));
  }
}
