package org.dpem.sim.workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.dpem.sim.engine.RandomStreams;

/**
 * Generates the requests of a {@link WorkloadSpec} over a set of nodes, deterministically from
 * a seed: arrivals, pair choice and request shapes each draw from their own stream.
 */
public final class Workload {
  private final WorkloadSpec spec;
  private final List<String> nodes;
  private final long seed;

  public Workload(WorkloadSpec spec, List<String> nodes, long seed) {
    if (nodes.size() < 2) {
      throw new IllegalArgumentException("a workload needs at least 2 nodes, got " + nodes.size());
    }
    this.spec = spec;
    this.nodes = List.copyOf(nodes);
    this.seed = seed;
  }

  public WorkloadSpec spec() {
    return spec;
  }

  /** Requests arriving before {@code untilNanos}, in arrival order, one at a time. */
  public Stream stream(long untilNanos) {
    return new Stream(untilNanos);
  }

  /** All requests arriving before {@code untilNanos}. */
  public List<Request> generate(long untilNanos) {
    List<Request> out = new ArrayList<>();
    Stream s = stream(untilNanos);
    for (Request r = s.next(); r != null; r = s.next()) {
      out.add(r);
    }
    return out;
  }

  /** The hot (src, dst) pairs of a hotspot workload, as drawn from the seed; empty otherwise. */
  public List<String[]> hotPairs() {
    if (!(spec.pairs() instanceof PairChooser.Hotspot h)) {
      return List.of();
    }
    SplittableRandom r = new RandomStreams(seed).stream("workload.hotspots");
    int max = nodes.size() * (nodes.size() - 1);
    List<String[]> hot = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (hot.size() < Math.min(h.hotPairs(), max)) {
      String[] p = uniformPair(r);
      if (seen.add(p[0] + "\u0000" + p[1])) {
        hot.add(p);
      }
    }
    return hot;
  }

  /**
   * The hot pairs of a gravity workload live at each of {@code seconds} (increasing), as the
   * generator drew them; empty lists for other workloads.
   */
  public List<List<String[]>> driftingHotPairs(double... seconds) {
    List<List<String[]>> out = new ArrayList<>();
    GravityPairs g = spec.pairs() instanceof PairChooser.Gravity gr ? new GravityPairs(gr, nodes, seed) : null;
    for (double s : seconds) {
      out.add(g == null ? List.of() : g.hotAt(s));
    }
    return out;
  }

  /** Gravity weights of the nodes, in node order (all 1 for other workloads). */
  public double[] nodeWeights() {
    if (spec.pairs() instanceof PairChooser.Gravity g) {
      return new GravityPairs(g, nodes, seed).weights();
    }
    double[] w = new double[nodes.size()];
    java.util.Arrays.fill(w, 1);
    return w;
  }

  private String[] uniformPair(SplittableRandom r) {
    int s = r.nextInt(nodes.size());
    int d = r.nextInt(nodes.size() - 1);
    if (d >= s) {
      d++;
    }
    return new String[] {nodes.get(s), nodes.get(d)};
  }

  /** A cursor over generated requests. */
  public final class Stream {
    private final long until;
    private final ArrivalProcess.Cursor arrivals;
    private final SplittableRandom pairRandom;
    private final SplittableRandom shapeRandom;
    private final List<String[]> hot;
    private final GravityPairs gravity;
    private boolean done;

    private Stream(long until) {
      RandomStreams streams = new RandomStreams(seed);
      this.until = until;
      this.arrivals = spec.arrivals().cursor(streams.stream("workload.arrivals"));
      this.pairRandom = streams.stream("workload.pairs");
      this.shapeRandom = streams.stream("workload.shape");
      this.hot = hotPairs();
      this.gravity = spec.pairs() instanceof PairChooser.Gravity g ? new GravityPairs(g, nodes, seed) : null;
    }

    /** The next request, or null once arrivals pass the end. */
    public Request next() {
      if (done) {
        return null;
      }
      long t = arrivals.next();
      if (t >= until) {
        done = true;
        return null;
      }
      String[] p = gravity != null ? gravity.pick(t / 1e9, pairRandom) : uniformPair(pairRandom);
      if (spec.pairs() instanceof PairChooser.Hotspot h && pairRandom.nextDouble() < h.hotShare()) {
        p = hot.get(pairRandom.nextInt(hot.size()));
      }
      RequestShape s = spec.shape();
      double f = s.minFidelityLow() + shapeRandom.nextDouble() * (s.minFidelityHigh() - s.minFidelityLow());
      f = Math.round(f * 1e4) / 1e4;
      int pairs = s.pairsMin() + shapeRandom.nextInt(s.pairsMax() - s.pairsMin() + 1);
      double dl = s.deadlineMinSeconds() + shapeRandom.nextDouble() * (s.deadlineMaxSeconds() - s.deadlineMinSeconds());
      long dlNanos = Math.max(1, Math.round(Math.round(dl * 1e3) / 1e3 * 1e9));
      return new Request(t, p[0], p[1], f, pairs, t + dlNanos);
    }
  }
}
