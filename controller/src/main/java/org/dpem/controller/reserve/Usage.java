package org.dpem.controller.reserve;

import java.util.Arrays;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.NetworkModel;

/**
 * What one allocation holds while it runs, per resource, in a fluid model: to deliver
 * {@code rate} end-to-end pairs per second over a path whose every swap succeeds with
 * probability q_m (product Q), each link j must herald {@code rate / Q} pairs per second, i.e.
 * its generating end makes {@code rate / (p_j Q)} attempts per second (or, when generation is a
 * heralded budget, spends {@code rate / Q} of it; {@link NetworkModel#generationPerPair}), and each intermediate node
 * swaps {@code rate / Q} times per second. Memory is one slot at each end and two at each
 * intermediate node, independent of the rate.
 *
 * @param resources dense resource indices ({@link ResourceKind#at})
 * @param amounts the amount held of each, at the allocation's rate
 * @param scalable whether the amount scales with the rate (memory does not)
 */
public record Usage(int[] resources, double[] amounts, boolean[] scalable) {

  /** The usage of an allocation at {@code rate} end-to-end pairs/s along {@code path}. */
  public static Usage of(NetworkModel model, CandidatePath path, double rate) {
    int[] idx = path.nodeIndex();
    int hops = idx.length - 1;
    double q = 1;
    for (int m = 1; m < hops; m++) {
      q *= model.node(idx[m]).swapSuccess();
    }
    // at most: hops generation entries, hops-1 swaps, hops+1 memory entries
    int n = 3 * hops;
    int[] res = new int[n];
    double[] amt = new double[n];
    boolean[] sc = new boolean[n];
    int k = 0;
    for (int j = 0; j < hops; j++) {
      int l = model.linkBetween(idx[j], idx[j + 1]);
      k = add(res, amt, sc, k, ResourceKind.GENERATION.at(model.generatingEnd(l)),
          rate * model.generationPerPair(l) / q, true);
    }
    for (int m = 1; m < hops; m++) {
      k = add(res, amt, sc, k, ResourceKind.SWAP.at(idx[m]), rate / q, true);
    }
    for (int i = 0; i <= hops; i++) {
      int slots = (i == 0 || i == hops) ? 1 : 2;
      k = add(res, amt, sc, k, ResourceKind.MEMORY.at(idx[i]), slots, false);
    }
    return new Usage(Arrays.copyOf(res, k), Arrays.copyOf(amt, k), Arrays.copyOf(sc, k));
  }

  // One node may generate two links of a path; merge so each resource appears once.
  private static int add(int[] res, double[] amt, boolean[] sc, int k, int r, double a, boolean s) {
    for (int i = 0; i < k; i++) {
      if (res[i] == r) {
        amt[i] += a;
        return k;
      }
    }
    res[k] = r;
    amt[k] = a;
    sc[k] = s;
    return k + 1;
  }

  /** This usage with rate-dependent amounts multiplied by {@code factor}. */
  public Usage scaled(double factor) {
    double[] a = amounts.clone();
    for (int i = 0; i < a.length; i++) {
      if (scalable[i]) {
        a[i] *= factor;
      }
    }
    return new Usage(resources, a, scalable);
  }
}
