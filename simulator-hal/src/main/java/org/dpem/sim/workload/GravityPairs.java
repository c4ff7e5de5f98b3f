package org.dpem.sim.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.dpem.sim.engine.RandomStreams;

/**
 * Draws (source, destination) pairs for a {@link PairChooser.Gravity} workload. Node weights and
 * hot-pair lives come from their own seeded streams, so the same seed gives the same weights and
 * the same hot-spot history whatever the arrival times; hot pairs are advanced to each request's
 * arrival time, so the history depends on time only, never on how many requests came.
 */
final class GravityPairs {
  private final List<String> nodes;
  private final PairChooser.Gravity spec;
  private final double[] cumulative;
  private final double[] weight;
  private final SplittableRandom hotRandom;
  private final String[][] hot;
  private final double[] hotUntil;

  GravityPairs(PairChooser.Gravity spec, List<String> nodes, long seed) {
    this.spec = spec;
    this.nodes = nodes;
    RandomStreams streams = new RandomStreams(seed);
    SplittableRandom w = streams.stream("workload.gravity");
    weight = new double[nodes.size()];
    cumulative = new double[nodes.size()];
    double sum = 0;
    for (int i = 0; i < weight.length; i++) {
      // draw for every node, so an explicit weight on one node leaves the others' draws alone
      double drawn = Math.exp(spec.weightSpread() * gaussian(w));
      weight[i] = spec.weights().getOrDefault(nodes.get(i), drawn);
      sum += weight[i];
      cumulative[i] = sum;
    }
    hotRandom = streams.stream("workload.hotspots");
    hot = new String[spec.hotPairs()][];
    hotUntil = new double[spec.hotPairs()];
    for (int i = 0; i < hot.length; i++) {
      hot[i] = draw(hotRandom);
      hotUntil[i] = lifetime();
    }
  }

  /** Node weights in node order. */
  double[] weights() {
    return weight.clone();
  }

  /** The pair for a request arriving at {@code seconds}, using {@code r} for the choice. */
  String[] pick(double seconds, SplittableRandom r) {
    if (hot.length > 0 && r.nextDouble() < spec.hotShare()) {
      advance(seconds);
      return hot[r.nextInt(hot.length)];
    }
    return draw(r);
  }

  /** The hot pairs live at {@code seconds} (times must not go backwards between calls). */
  List<String[]> hotAt(double seconds) {
    advance(seconds);
    return new ArrayList<>(Arrays.asList(hot));
  }

  private void advance(double seconds) {
    for (int i = 0; i < hot.length; i++) {
      while (hotUntil[i] <= seconds) {
        hot[i] = draw(hotRandom);
        hotUntil[i] += lifetime();
      }
    }
  }

  private double lifetime() {
    return -Math.log(1.0 - hotRandom.nextDouble()) * spec.meanHotLifetimeSeconds();
  }

  private String[] draw(SplittableRandom r) {
    int s = index(r.nextDouble() * cumulative[cumulative.length - 1]);
    int d;
    do {
      d = index(r.nextDouble() * cumulative[cumulative.length - 1]);
    } while (d == s);
    return new String[] {nodes.get(s), nodes.get(d)};
  }

  private int index(double x) {
    int i = Arrays.binarySearch(cumulative, x);
    i = i >= 0 ? i + 1 : -i - 1;
    return Math.min(i, cumulative.length - 1);
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian before Java 17's RandomGenerator default
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
