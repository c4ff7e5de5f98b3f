package org.dpem.controller.reserve;

import java.util.Arrays;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.ChainModel;
import org.dpem.controller.topology.NetworkModel;

/**
 * What one allocation holds while it runs, per resource, planned so that its expected delivered
 * rate equals its grant. With one memory slot per side, a link's herald is lost while a slot it
 * needs is taken, so the chain delivers {@link ChainModel#perHerald} end-to-end pairs per unit
 * link herald rate (less than the swap success product Q the fluid estimate would give). To
 * deliver {@code rate} pairs/s every link must therefore herald {@code L = rate / perHerald}
 * pairs/s while free: its generating end makes {@code L / p_j} attempts per second (a source
 * keeps attempting while a slot is taken; when generation is a heralded budget, it spends L of
 * it: {@link NetworkModel#generationPerPair}), and each intermediate node swaps
 * {@link ChainModel#swapsPerHerald} times L per second. Memory is one slot at each end and two at
 * each intermediate node, independent of the rate.
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
    ChainModel chain = path.chain();
    double herald = rate / chain.perHerald();
    // at most: hops generation entries, hops-1 swaps, hops+1 memory entries
    int n = 3 * hops;
    int[] res = new int[n];
    double[] amt = new double[n];
    boolean[] sc = new boolean[n];
    int k = 0;
    for (int j = 0; j < hops; j++) {
      int l = model.linkBetween(idx[j], idx[j + 1]);
      k = add(res, amt, sc, k, ResourceKind.GENERATION.at(model.generatingEnd(l)),
          herald * model.generationPerPair(l), true);
    }
    for (int m = 1; m < hops; m++) {
      k = add(res, amt, sc, k, ResourceKind.SWAP.at(idx[m]), herald * chain.swapsPerHerald()[m], true);
    }
    for (int i = 0; i <= hops; i++) {
      int slots = (i == 0 || i == hops) ? 1 : 2;
      k = add(res, amt, sc, k, ResourceKind.MEMORY.at(idx[i]), slots, false);
    }
    return new Usage(Arrays.copyOf(res, k), Arrays.copyOf(amt, k), Arrays.copyOf(sc, k));
  }

  /** Attempts per second each link's generating source makes for {@code rate} along {@code path}, link by link. */
  public static double[] attemptsPerLink(NetworkModel model, CandidatePath path, double rate) {
    double herald = rate / path.perHerald();
    double[] a = new double[path.hops()];
    for (int j = 0; j < a.length; j++) {
      a[j] = herald / path.linkSuccess()[j];
    }
    return a;
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

  /**
   * What one link's stock holds: {@code slotsA} and {@code slotsB} memory slots at the link's
   * ends and {@code attempts} generation attempts per second at its generating end (held as the
   * capacity they use, {@link NetworkModel#generationPerAttempt}). Zero amounts are left out.
   */
  public static Usage ofStock(NetworkModel model, int link, int slotsA, int slotsB, double attempts) {
    var l = model.links().get(link);
    int a = model.indexOf(l.a());
    int b = model.indexOf(l.b());
    int[] res = new int[3];
    double[] amt = new double[3];
    boolean[] sc = new boolean[3];
    int k = 0;
    if (attempts > 0) {
      k = add(res, amt, sc, k, ResourceKind.GENERATION.at(model.generatingEnd(link)),
          attempts * model.generationPerAttempt(link), true);
    }
    if (slotsA > 0) {
      k = add(res, amt, sc, k, ResourceKind.MEMORY.at(a), slotsA, false);
    }
    if (slotsB > 0) {
      k = add(res, amt, sc, k, ResourceKind.MEMORY.at(b), slotsB, false);
    }
    return new Usage(Arrays.copyOf(res, k), Arrays.copyOf(amt, k), Arrays.copyOf(sc, k));
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
