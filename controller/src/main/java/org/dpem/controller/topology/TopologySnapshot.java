package org.dpem.controller.topology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpem.hal.NodeId;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;

/**
 * The routable network at one moment: the {@link NetworkModel} without nodes that are down
 * (devices LOST, SAFE or FAULT), drained, or unable to generate. Routing weighs paths by what
 * they can carry: Yen's k loopless shortest paths with link weight {@code 1 / (G p sqrt(q_a q_b))}
 * (the seconds per heralded, swappable pair the link's generating end can make at most: G its
 * generation rate, p the herald probability, q the ends' swap success), so a path is short when
 * its links are fast and likely, not only likely. The candidates are then ordered by
 * {@link CandidatePath#capacity} (generation, swap capacity and success on the whole path, with
 * the chain's real delivery), best first, ties by yield. Candidate paths are cached per (source,
 * destination) for the life of the snapshot, which is never mutated once built (JGraphT
 * iterators do not detect concurrent change).
 */
public final class TopologySnapshot {
  private final NetworkModel model;
  private final BitSet usable;
  private final long version;
  private final int k;
  private final SimpleWeightedGraph<Integer, DefaultWeightedEdge> graph =
      new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
  private final YenKShortestPath<Integer, DefaultWeightedEdge> yen;
  private final Map<Long, List<CandidatePath>> cache = new HashMap<>();
  private final Map<Integer, int[]> hopsFrom = new HashMap<>();
  private double[] ceiling;

  /**
   * @param usable which nodes (by index) may carry new allocations
   * @param version increases with every rebuild, so views can tell snapshots apart
   * @param k how many candidate paths to keep per request
   */
  public TopologySnapshot(NetworkModel model, BitSet usable, long version, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.model = model;
    this.usable = (BitSet) usable.clone();
    this.version = version;
    this.k = k;
    for (int i = 0; i < model.nodeCount(); i++) {
      if (usable.get(i)) {
        graph.addVertex(i);
      }
    }
    for (int l = 0; l < model.links().size(); l++) {
      LinkInfo li = model.links().get(l);
      int a = model.indexOf(li.a());
      int b = model.indexOf(li.b());
      if (!usable.get(a) || !usable.get(b) || model.node(model.generatingEnd(l)).generationRate() <= 0) {
        continue;
      }
      double q = Math.sqrt(model.node(a).swapSuccess() * model.node(b).swapSuccess());
      DefaultWeightedEdge e = graph.addEdge(a, b);
      double heraldsPerS = model.heraldRate(l) * q;
      graph.setEdgeWeight(e, 1 / heraldsPerS);
    }
    this.yen = new YenKShortestPath<>(graph);
  }

  public NetworkModel model() {
    return model;
  }

  public long version() {
    return version;
  }

  /** Whether every node of the model is usable in this snapshot. */
  public boolean allUsable() {
    return usable.cardinality() == model.nodeCount();
  }

  public boolean usable(int node) {
    return usable.get(node);
  }

  public boolean usable(NodeId node) {
    int i = model.indexOf(node);
    return i >= 0 && usable.get(i);
  }

  /** Number of usable links. */
  public int linkCount() {
    return graph.edgeSet().size();
  }

  /**
   * Up to k loopless candidate paths from {@code src} to {@code dst} in order of decreasing
   * capacity (then yield), whatever their fidelity. Empty if either end is unusable or no path exists.
   */
  public List<CandidatePath> paths(int src, int dst) {
    if (!usable.get(src) || !usable.get(dst) || src == dst) {
      return List.of();
    }
    return cache.computeIfAbsent(((long) src << 32) | dst, key -> compute(src, dst));
  }

  /**
   * The candidate paths whose estimated fidelity meets {@code floor}, best first. Pairs that no
   * path can serve are recognised without searching paths: see {@link #fidelityCeiling}.
   */
  public List<CandidatePath> feasiblePaths(int src, int dst, double floor) {
    if (!usable.get(src) || !usable.get(dst) || src == dst) {
      return List.of();
    }
    int h = hops(src, dst);
    if (h < 0 || fidelityCeiling(h) < floor) {
      return List.of();
    }
    List<CandidatePath> all = paths(src, dst);
    List<CandidatePath> out = new ArrayList<>(all.size());
    for (CandidatePath p : all) {
      if (p.fidelity() >= floor) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * An upper bound on the fidelity estimate of any path of at least {@code hops} hops: the best
   * link fidelity on every link, the fastest herald rate of any link, the longest coherence time.
   * The estimate falls with every one of these and with the hop count, so no such path can do
   * better.
   */
  public double fidelityCeiling(int hops) {
    if (ceiling == null) {
      double wBest = 0;
      double fastest = 0;
      double longest = 0;
      for (int l = 0; l < model.links().size(); l++) {
        LinkInfo li = model.links().get(l);
        wBest = Math.max(wBest, FidelityModel.werner(li.fidelity()));
        fastest = Math.max(fastest, model.heraldRate(l));
      }
      for (NodeInfo n : model.nodes()) {
        longest = Math.max(longest, n.coherenceTimeS());
      }
      double keep = fastest / (fastest + 2 / longest);
      ceiling = new double[model.nodeCount() + 1];
      double harmonic = 0;
      for (int h = 1; h <= model.nodeCount(); h++) {
        harmonic += 1.0 / h;
        ceiling[h] = FidelityModel.fidelity(Math.pow(wBest, h) * Math.pow(keep, h * (harmonic - 1)));
      }
    }
    return hops < ceiling.length ? ceiling[hops] : 0.25;
  }

  /** Fewest hops between two usable nodes through usable nodes, or -1. */
  public int hops(int src, int dst) {
    int[] d = hopsFrom.get(src);
    if (d == null) {
      d = new int[model.nodeCount()];
      java.util.Arrays.fill(d, -1);
      d[src] = 0;
      java.util.ArrayDeque<Integer> q = new java.util.ArrayDeque<>();
      q.add(src);
      while (!q.isEmpty()) {
        int u = q.poll();
        for (int v : org.jgrapht.Graphs.neighborListOf(graph, u)) {
          if (d[v] < 0) {
            d[v] = d[u] + 1;
            q.add(v);
          }
        }
      }
      hopsFrom.put(src, d);
    }
    return d[dst];
  }

  private List<CandidatePath> compute(int src, int dst) {
    List<GraphPath<Integer, DefaultWeightedEdge>> found = yen.getPaths(src, dst, k);
    List<CandidatePath> out = new ArrayList<>(found.size());
    for (GraphPath<Integer, DefaultWeightedEdge> gp : found) {
      out.add(describe(gp.getVertexList()));
    }
    out.sort((x, y) -> x.capacity() != y.capacity() ? Double.compare(y.capacity(), x.capacity())
        : Double.compare(y.yield(), x.yield()));
    return List.copyOf(out);
  }

  /**
   * Describes a path given as node indices: its yield and its fidelity estimate. Links herald at
   * exponential times, at full generation rate the slowest with rate L; the pairs that herald
   * early wait in memory, both halves decaying, for the last one. For h links the expected total
   * wait is {@code h (H_h - 1)} mean waits (H_h the harmonic number); each wait keeps, in
   * expectation, the factor {@code L / (L + 2/T)} of the Werner parameter. A single link needs no
   * wait. The swap law joins the links.
   */
  public CandidatePath describe(List<Integer> path) {
    int hops = path.size() - 1;
    int[] idx = new int[path.size()];
    List<NodeId> ids = new ArrayList<>(path.size());
    for (int i = 0; i < path.size(); i++) {
      idx[i] = path.get(i);
      ids.add(model.node(idx[i]).id());
    }
    double[] p = new double[hops];
    double yield = 1;
    double slowestWait = 0;
    double coherence = Double.POSITIVE_INFINITY;
    double w = 1;
    for (int j = 0; j < hops; j++) {
      int l = model.linkBetween(idx[j], idx[j + 1]);
      LinkInfo li = model.links().get(l);
      p[j] = li.successProbability();
      yield *= p[j];
      w *= FidelityModel.werner(li.fidelity());
      slowestWait = Math.max(slowestWait, 1.0 / model.heraldRate(l));
      coherence = Math.min(coherence, Math.min(model.node(idx[j]).coherenceTimeS(),
          model.node(idx[j + 1]).coherenceTimeS()));
    }
    double harmonic = 0;
    for (int j = 1; j <= hops; j++) {
      harmonic += 1.0 / j;
    }
    double exponent = hops * (harmonic - 1);
    double lambda = 1.0 / slowestWait;
    double decayed = w * Math.pow(lambda / (lambda + 2 / coherence), exponent);
    double q = 1;
    for (int j = 1; j < hops; j++) {
      q *= model.node(idx[j]).swapSuccess();
    }
    yield *= q;
    ChainModel chain = ChainModel.of(model, idx);
    return new CandidatePath(ids, idx, p, yield, FidelityModel.fidelity(decayed), w, exponent,
        coherence, q, chain, capacity(idx, p, chain));
  }

  /**
   * The end-to-end rate at which the path's first resource runs out on an idle network, as
   * {@link org.dpem.controller.reserve.Usage} plans it; 0 if a node lacks the slots.
   */
  private double capacity(int[] idx, double[] p, ChainModel chain) {
    int hops = idx.length - 1;
    double herald = 1 / chain.perHerald();
    Map<Integer, Double> gen = new HashMap<>(4);
    for (int j = 0; j < hops; j++) {
      int l = model.linkBetween(idx[j], idx[j + 1]);
      gen.merge(model.generatingEnd(l), herald * model.generationPerPair(l), Double::sum);
    }
    double cap = Double.POSITIVE_INFINITY;
    for (Map.Entry<Integer, Double> g : gen.entrySet()) {
      cap = Math.min(cap, model.node(g.getKey()).generationRate() / g.getValue());
    }
    for (int m = 0; m <= hops; m++) {
      NodeInfo n = model.node(idx[m]);
      if (n.memorySlots() < (m == 0 || m == hops ? 1 : 2)) {
        return 0;
      }
      if (m > 0 && m < hops) {
        cap = Math.min(cap, n.swapCapacity() / (herald * chain.swapsPerHerald()[m]));
      }
    }
    return cap;
  }
}
