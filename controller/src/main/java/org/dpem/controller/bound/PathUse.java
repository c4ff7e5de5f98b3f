package org.dpem.controller.bound;

import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.reserve.ResourceKind;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.NetworkModel;

/**
 * What one delivered pair on a path needs at least, for the bound: per link j, 1/s_j generation
 * attempts (one unit of a heralded budget) from the source at <em>either</em> end (an allocator may use either), and per inner
 * node 1/q_n swaps. Term i draws {@code coef[i]} from resource {@code first[i]} or
 * {@code second[i]} (the same resource when there is no choice).
 */
record PathUse(int[] first, int[] second, double[] coef) {

  static PathUse of(NetworkModel model, CandidatePath p) {
    int[] idx = p.nodeIndex();
    List<int[]> res = new ArrayList<>();
    List<Double> coefs = new ArrayList<>();
    for (int j = 0; j + 1 < idx.length; j++) {
      res.add(new int[] {ResourceKind.GENERATION.at(idx[j]), ResourceKind.GENERATION.at(idx[j + 1])});
      coefs.add(model.generationPerPair(model.linkBetween(idx[j], idx[j + 1])));
    }
    for (int m = 1; m + 1 < idx.length; m++) {
      int r = ResourceKind.SWAP.at(idx[m]);
      res.add(new int[] {r, r});
      coefs.add(1 / model.node(idx[m]).swapSuccess());
    }
    int n = res.size();
    int[] a = new int[n];
    int[] b = new int[n];
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = res.get(i)[0];
      b[i] = res.get(i)[1];
      c[i] = coefs.get(i);
    }
    return new PathUse(a, b, c);
  }

  /**
   * The dual's terms of this path when resource r may be drawn in any of {@code windows}
   * consecutive windows from {@code firstWindow}, resource r of window w being index
   * {@code w * stride + r} ({@code stride} 0, one window: the pooled bound).
   */
  List<DualBound.Term> terms(int firstWindow, int windows, int stride) {
    List<DualBound.Term> out = new ArrayList<>(coef.length);
    for (int i = 0; i < coef.length; i++) {
      int ends = first[i] == second[i] ? 1 : 2;
      int[] alt = new int[ends * windows];
      int k = 0;
      for (int w = firstWindow; w < firstWindow + windows; w++) {
        alt[k++] = w * stride + first[i];
        if (ends == 2) {
          alt[k++] = w * stride + second[i];
        }
      }
      out.add(new DualBound.Term(coef[i], alt));
    }
    return out;
  }

  /** Capacity of a resource over the horizon: attempts or swaps. */
  static double capacity(NetworkModel model, int resource, double horizon) {
    var node = model.node(ResourceKind.nodeOf(resource));
    return switch (ResourceKind.kindOf(resource)) {
      case GENERATION -> node.generationRate() * horizon;
      case SWAP -> node.swapCapacity() * horizon;
      case MEMORY -> Double.POSITIVE_INFINITY;
    };
  }

  /**
   * The most pairs per second this path could carry with the whole network to itself: each link
   * at most both ends' full generation, each inner node its swap capacity (shared uses are
   * relaxed, so this over-estimates, as a bound must).
   */
  double soloRate(NetworkModel model) {
    double rate = Double.POSITIVE_INFINITY;
    for (int i = 0; i < coef.length; i++) {
      double cap = capacity(model, first[i], 1);
      if (second[i] != first[i]) {
        cap += capacity(model, second[i], 1);
      }
      rate = Math.min(rate, cap / coef[i]);
    }
    return rate;
  }
}
