package org.dpem.controller.topology;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one allocation's chain really delivers: an exact Markov model of a path served with one
 * memory slot per side (two at inner nodes, one at the ends), every link heralding at the same
 * rate L while both of its end slots are free, and every inner node swapping as soon as it holds
 * a half on each side. A herald that finds a slot taken is lost, which is why the fluid estimate
 * (L times the swap success product Q) is too high: a 2-hop chain delivers 2/3 of it, 4-6 hops
 * about 0.55.
 *
 * <p>The state is the set of stored pairs, each a segment (a, b) of the path whose ends hold its
 * halves; segments never share an end (that node would swap). A herald on link (j, j+1) joins the
 * segments ending at j and starting at j+1: the receiving end swaps first, then the generating
 * end (that is the order in which the two nodes learn of the herald). A failed swap destroys both
 * pairs it took, freeing their far ends. A segment spanning the whole path is delivered. The
 * stationary distribution gives, per unit L, the delivered rate {@link #perHerald} and each inner
 * node's swap rate {@link #swapsPerHerald}; both scale linearly with L, so one solution serves
 * every rate.
 *
 * <p>Not modelled (see README): the swap rate limit (swaps are instantaneous here; the ledger
 * reserves the swap rate this model gives), decay (it changes fidelity, not rate), light delays
 * (microseconds against heralds a second apart), and cutoffs.
 *
 * @param perHerald end-to-end pairs delivered per unit link herald rate
 * @param swapsPerHerald per path node (0 at the ends), swaps attempted per unit link herald rate
 */
public record ChainModel(double perHerald, double[] swapsPerHerald) {
  /**
   * Longer paths (700 states at 8 hops, growing 2.7-fold a hop) take the 8-hop model's share of
   * the fluid estimate, which rises slowly with the hops, so it errs low. No fidelity floor above
   * 0.65 admits such paths with lab link fidelities.
   */
  static final int MAX_EXACT_HOPS = 8;
  /**
   * Up to this many hops the order in which a link's two ends learn of a herald is modelled
   * exactly (2^h variants); beyond, one order stands for all, which moves the result by under 3%
   * (measured at 5 and 7 hops) and keeps the number of models to solve small.
   */
  static final int MAX_ORIENTED_HOPS = 6;

  private static final Map<String, ChainModel> CACHE = new ConcurrentHashMap<>();

  /**
   * The model of a path with inner swap success {@code q[m]} (index = path position; ends
   * ignored) and, per link j, whether its receiving (non-generating) end is the right node j+1.
   */
  public static ChainModel of(double[] q, boolean[] receiverRight) {
    int h = receiverRight.length;
    if (h == 1) {
      return new ChainModel(1, new double[2]);
    }
    if (h > MAX_ORIENTED_HOPS) {
      receiverRight = new boolean[h];
      Arrays.fill(receiverRight, true);
    }
    StringBuilder key = new StringBuilder(h * 8);
    for (int m = 1; m < h; m++) {
      key.append(q[m]).append(',');
    }
    for (boolean b : receiverRight) {
      key.append(b ? 'r' : 'l');
    }
    boolean[] orientation = receiverRight;
    if (h > MAX_EXACT_HOPS) {
      return longer(of(Arrays.copyOf(q, MAX_EXACT_HOPS + 1), Arrays.copyOf(orientation, MAX_EXACT_HOPS)), q, h);
    }
    return CACHE.computeIfAbsent(key.toString(), k -> solve(q, orientation));
  }

  /** A path longer than {@link #MAX_EXACT_HOPS}: the exact prefix's share of the fluid estimate. */
  private static ChainModel longer(ChainModel at, double[] q, int h) {
    double qh = 1;
    double qExact = 1;
    double most = 0;
    for (int m = 1; m < h; m++) {
      qh *= q[m];
      qExact *= m < MAX_EXACT_HOPS ? q[m] : 1;
    }
    for (double s : at.swapsPerHerald) {
      most = Math.max(most, s);
    }
    double[] swaps = new double[h + 1];
    Arrays.fill(swaps, 1, h, most);
    return new ChainModel(at.perHerald * qh / qExact, swaps);
  }

  /** The model of {@code path} in {@code model}. */
  public static ChainModel of(NetworkModel model, int[] path) {
    int h = path.length - 1;
    double[] q = new double[h + 1];
    for (int m = 1; m < h; m++) {
      q[m] = model.node(path[m]).swapSuccess();
    }
    boolean[] right = new boolean[h];
    for (int j = 0; j < h; j++) {
      right[j] = model.generatingEnd(model.linkBetween(path[j], path[j + 1])) == path[j];
    }
    return of(q, right);
  }

  private static ChainModel solve(double[] q, boolean[] receiverRight) {
    int h = receiverRight.length;
    // states: long keys, 4 bits per node = length of the segment starting there (0: none)
    Map<Long, Integer> index = new HashMap<>();
    List<Long> states = new ArrayList<>();
    List<int[]> to = new ArrayList<>();
    List<double[]> prob = new ArrayList<>();
    List<double[]> delivered = new ArrayList<>();
    List<double[][]> swaps = new ArrayList<>();
    index.put(0L, 0);
    states.add(0L);
    for (int s = 0; s < states.size(); s++) {
      long st = states.get(s);
      List<long[]> out = new ArrayList<>();
      List<double[]> outMeta = new ArrayList<>();
      transitions(st, h, q, receiverRight, out, outMeta);
      int[] t = new int[out.size()];
      double[] p = new double[out.size()];
      double[] d = new double[out.size()];
      double[][] sw = new double[out.size()][];
      for (int i = 0; i < out.size(); i++) {
        long next = out.get(i)[0];
        Integer at = index.get(next);
        if (at == null) {
          at = states.size();
          index.put(next, at);
          states.add(next);
        }
        t[i] = at;
        p[i] = outMeta.get(i)[0];
        d[i] = outMeta.get(i)[1];
        sw[i] = new double[] {outMeta.get(i)[2], outMeta.get(i)[3], outMeta.get(i)[4], outMeta.get(i)[5]};
      }
      to.add(t);
      prob.add(p);
      delivered.add(d);
      swaps.add(sw);
    }
    double[] pi = stationary(to, prob);
    double rate = 0;
    double[] swapRate = new double[h + 1];
    for (int s = 0; s < pi.length; s++) {
      for (int i = 0; i < to.get(s).length; i++) {
        double flow = pi[s] * prob.get(s)[i];
        rate += flow * delivered.get(s)[i];
        double[] sw = swaps.get(s)[i];
        if (sw[1] > 0) {
          swapRate[(int) sw[0]] += flow * sw[1];
        }
        if (sw[3] > 0) {
          swapRate[(int) sw[2]] += flow * sw[3];
        }
      }
    }
    return new ChainModel(rate, swapRate);
  }

  /**
   * Every herald possible in {@code st}, each split by swap outcome: (next state) and (rate,
   * delivered 0/1, node of first swap, 1 if attempted, node of second swap, 1 if attempted).
   */
  private static void transitions(long st, int h, double[] q, boolean[] receiverRight,
      List<long[]> out, List<double[]> meta) {
    for (int j = 0; j < h; j++) {
      if (len(st, j) != 0 || endsAt(st, j + 1) >= 0) {
        continue;
      }
      int a = endsAt(st, j);
      int b = len(st, j + 1) == 0 ? -1 : j + 1 + len(st, j + 1);
      long base = st;
      if (a >= 0) {
        base = set(base, a, 0);
      }
      if (b >= 0) {
        base = set(base, j + 1, 0);
      }
      // the receiving end swaps first
      int first = receiverRight[j] ? j + 1 : j;
      int second = receiverRight[j] ? j : j + 1;
      boolean firstSwaps = first == j ? a >= 0 : b >= 0;
      boolean secondSwaps = second == j ? a >= 0 : b >= 0;
      int lo = a >= 0 ? a : j;
      int hi = b >= 0 ? b : j + 1;
      double q1 = firstSwaps ? q[first] : 1;
      double q2 = secondSwaps ? q[second] : 1;
      // both succeed (or were not needed): one segment lo..hi
      add(out, meta, lo == 0 && hi == h ? base : set(base, lo, hi - lo), q1 * q2, lo == 0 && hi == h,
          first, firstSwaps, second, secondSwaps);
      if (firstSwaps && q1 < 1) {
        // the first swap fails: the new pair and the segment on the first node's far side are
        // lost; the second node's other segment stays as it was
        long keep = base;
        if (secondSwaps) {
          keep = second == j ? set(keep, a, j - a) : set(keep, j + 1, b - j - 1);
        }
        add(out, meta, keep, 1 - q1, false, first, true, second, false);
      }
      if (secondSwaps && q2 < 1) {
        // the first succeeded (or was not needed), then the second fails: everything is lost
        add(out, meta, base, q1 * (1 - q2), false, first, firstSwaps, second, true);
      }
    }
  }

  private static void add(List<long[]> out, List<double[]> meta, long next, double p,
      boolean delivered, int n1, boolean s1, int n2, boolean s2) {
    if (p <= 0) {
      return;
    }
    out.add(new long[] {next});
    meta.add(new double[] {p, delivered ? 1 : 0, n1, s1 ? 1 : 0, n2, s2 ? 1 : 0});
  }

  private static int len(long st, int node) {
    return (int) ((st >>> (4 * node)) & 0xF);
  }

  private static long set(long st, int node, int length) {
    return (st & ~(0xFL << (4 * node))) | ((long) length << (4 * node));
  }

  /** The start of the segment ending at {@code node}, or -1. */
  private static int endsAt(long st, int node) {
    for (int a = 0; a < node; a++) {
      int l = len(st, a);
      if (l != 0 && a + l == node) {
        return a;
      }
    }
    return -1;
  }

  /** Stationary distribution of the chain with the given jump rates (Gauss-Seidel on global balance). */
  private static double[] stationary(List<int[]> to, List<double[]> rate) {
    int n = to.size();
    double[] out = new double[n];
    List<List<double[]>> in = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      in.add(new ArrayList<>());
    }
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < to.get(s).length; i++) {
        int t = to.get(s)[i];
        if (t != s) {
          out[s] += rate.get(s)[i];
          in.get(t).add(new double[] {s, rate.get(s)[i]});
        }
      }
    }
    double[] pi = new double[n];
    Arrays.fill(pi, 1.0 / n);
    for (int iter = 0; iter < 100_000; iter++) {
      double change = 0;
      for (int s = 0; s < n; s++) {
        double sum = 0;
        for (double[] e : in.get(s)) {
          sum += pi[(int) e[0]] * e[1];
        }
        double v = out[s] > 0 ? sum / out[s] : pi[s];
        change = Math.max(change, Math.abs(v - pi[s]));
        pi[s] = v;
      }
      double total = 0;
      for (double v : pi) {
        total += v;
      }
      for (int s = 0; s < n; s++) {
        pi[s] /= total;
      }
      if (change < 1e-12) {
        break;
      }
    }
    return pi;
  }
}
