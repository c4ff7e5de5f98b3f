package org.dpem.controller.bound;

import java.util.Arrays;
import java.util.List;

/**
 * Lagrangian dual of the upper-bound LP, for instances too large to solve exactly in reasonable
 * time. For the LP {@code max sum x s.t. sum_p x_{k,p} <= d_k, A x <= b, x >= 0}, every price
 * vector y >= 0 gives
 *
 * <pre>
 *   U(y) = sum_c b_c y_c + sum_k d_k max(0, 1 - min_p a_p . y)  &gt;=  LP optimum
 * </pre>
 *
 * (weak duality: set z_k to the max term, then (y, z) is dual feasible). A term that may draw on
 * either of two resources (a link's attempts from either end) costs the cheaper of the two. So every iterate is a
 * valid bound, whether or not the iteration has converged; projected subgradient steps with
 * Polyak's step size (towards the best feasible primal value found) tighten it, and the least
 * value seen is returned. At y = 0 it is simply the total demand.
 */
final class DualBound {
  /** One merged commodity: its demand and what each of its paths needs per pair. */
  record Commodity(double demand, List<PathUse> paths) {}

  private DualBound() {}

  /**
   * @param capacity b_c per resource
   * @return {best upper bound found, best feasible primal value found}
   */
  static double[] solve(double[] capacity, List<Commodity> commodities, int iterations) {
    int n = capacity.length;
    double[] y = new double[n];
    double[] g = new double[n];
    double[] usage = new double[n];
    double best = Double.POSITIVE_INFINITY;
    double lower = 0;
    double theta = 1.0;
    int sinceBetter = 0;
    for (int it = 0; it < iterations; it++) {
      double value = 0;
      for (int c = 0; c < n; c++) {
        value += capacity[c] * y[c];
      }
      Arrays.fill(usage, 0);
      double served = 0;
      for (Commodity k : commodities) {
        int bestPath = -1;
        double minCost = Double.POSITIVE_INFINITY;
        for (int p = 0; p < k.paths().size(); p++) {
          PathUse u = k.paths().get(p);
          double cost = 0;
          for (int i = 0; i < u.coef().length; i++) {
            cost += u.coef()[i] * Math.min(y[u.first()[i]], y[u.second()[i]]);
          }
          if (cost < minCost) {
            minCost = cost;
            bestPath = p;
          }
        }
        if (bestPath >= 0 && minCost < 1) {
          value += k.demand() * (1 - minCost);
          PathUse u = k.paths().get(bestPath);
          for (int i = 0; i < u.coef().length; i++) {
            int r = y[u.first()[i]] <= y[u.second()[i]] ? u.first()[i] : u.second()[i];
            usage[r] += k.demand() * u.coef()[i];
          }
          served += k.demand();
        }
      }
      // the routing this price vector suggests, scaled down until it fits, is a feasible primal
      double scale = 1;
      for (int c = 0; c < n; c++) {
        if (usage[c] > capacity[c]) {
          scale = Math.min(scale, capacity[c] / usage[c]);
        }
      }
      lower = Math.max(lower, served * scale);
      if (Double.isInfinite(best) || value < best - 1e-9 * Math.max(1, best)) {
        best = value;
        sinceBetter = 0;
      } else if (++sinceBetter >= 15) {
        theta /= 2;
        sinceBetter = 0;
      }
      double norm = 0;
      for (int c = 0; c < n; c++) {
        g[c] = capacity[c] - usage[c];
        norm += g[c] * g[c];
      }
      if (norm == 0 || best - lower <= 1e-6 * Math.max(1, best)) {
        break;
      }
      double step = theta * (value - lower) / norm;
      for (int c = 0; c < n; c++) {
        y[c] = Math.max(0, y[c] - step * g[c]);
      }
    }
    return new double[] {best, lower};
  }
}
