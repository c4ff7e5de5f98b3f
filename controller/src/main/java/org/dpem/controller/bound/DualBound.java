package org.dpem.controller.bound;

import java.util.Arrays;
import java.util.List;

/**
 * Lagrangian dual of an upper-bound LP, for instances too large to solve exactly in reasonable
 * time. The LP has commodities k with demand d_k, each with columns (paths) p carrying x_{k,p}
 * pairs, at most u_{k,p}; a column needs, per pair, {@code coef} of each of its terms, and a term
 * may draw on any one of its alternative resources (a link's attempts from either end; in the
 * time-indexed bound, also any window the pair may use). Resources c have capacity b_c:
 *
 * <pre>
 *   max sum x  s.t.  sum_p x_{k,p} &lt;= d_k,  0 &lt;= x_{k,p} &lt;= u_{k,p},  usage_c(x) &lt;= b_c
 * </pre>
 *
 * For every price vector y &gt;= 0 on the resources, with a column's cost
 * {@code cost_{k,p} = sum_terms coef * min_alternatives y},
 *
 * <pre>
 *   U(y) = sum_c b_c y_c + sum_k max { sum_p (1 - cost_{k,p}) x_{k,p} : sum_p x_{k,p} &lt;= d_k, 0 &lt;= x &lt;= u }
 * </pre>
 *
 * is at least the LP optimum (weak duality: relaxing the capacity rows with multipliers y only
 * enlarges the feasible set, and a term's cheapest alternative is what the relaxed problem
 * picks). The inner maximum is a fractional knapsack with unit weights: fill the cheapest
 * columns first while their cost is below 1. So every iterate is a valid bound, converged or
 * not; projected subgradient steps with Polyak's step size (towards the best feasible primal
 * value found) tighten it, and the least value seen is returned. At y = 0 it is the total demand.
 */
final class DualBound {
  /** One term of a column: {@code coef} per pair, from any one of {@code alternatives}. */
  record Term(double coef, int[] alternatives) {}

  /** A column (a path, possibly with its windows): at most {@code cap} pairs. */
  record Column(double cap, List<Term> terms) {}

  /** A commodity: its demand and its columns. */
  record Commodity(double demand, List<Column> columns) {}

  /**
   * @param value the best (least) upper bound found
   * @param lower the best feasible primal value found
   * @param prices the prices that gave {@code value}
   * @param iterations iterations run
   */
  record Solution(double value, double lower, double[] prices, int iterations) {}

  private DualBound() {}

  /**
   * @param capacity b_c per resource
   * @param start initial prices (null: all 0)
   */
  static Solution solve(double[] capacity, List<Commodity> commodities, double[] start,
      int iterations) {
    return solve(capacity, commodities, start, iterations, Long.MAX_VALUE);
  }

  /**
   * As {@link #solve(double[], List, double[], int)}, stopping early once {@code System.nanoTime()}
   * passes {@code deadlineNanos} (checked every 10 iterations): every iterate is a valid bound.
   */
  static Solution solve(double[] capacity, List<Commodity> commodities, double[] start,
      int iterations, long deadlineNanos) {
    int n = capacity.length;
    double[] y = start == null ? new double[n] : start.clone();
    double[] bestY = y.clone();
    double[] g = new double[n];
    double[] usage = new double[n];
    double best = Double.POSITIVE_INFINITY;
    double lower = 0;
    double theta = 1.0;
    int sinceBetter = 0;
    int it = 0;
    double[] cost = new double[16];
    Integer[] order = new Integer[16];
    for (; it < iterations; it++) {
      double value = 0;
      for (int c = 0; c < n; c++) {
        value += capacity[c] * y[c];
      }
      Arrays.fill(usage, 0);
      double served = 0;
      for (Commodity k : commodities) {
        int m = k.columns().size();
        if (cost.length < m) {
          cost = new double[m];
          order = new Integer[m];
        }
        for (int p = 0; p < m; p++) {
          double s = 0;
          for (Term t : k.columns().get(p).terms()) {
            s += t.coef() * y[cheapest(t, y)];
          }
          cost[p] = s;
          order[p] = p;
        }
        double[] cs = cost;
        Arrays.sort(order, 0, m, (a, b) -> Double.compare(cs[a], cs[b]));
        double left = k.demand();
        for (int i = 0; i < m && left > 0; i++) {
          int p = order[i];
          if (cost[p] >= 1) {
            break;
          }
          Column col = k.columns().get(p);
          double take = Math.min(left, col.cap());
          left -= take;
          value += take * (1 - cost[p]);
          served += take;
          for (Term t : col.terms()) {
            usage[cheapest(t, y)] += take * t.coef();
          }
        }
      }
      // the routing these prices suggest, scaled down until it fits, is a feasible primal; so
      // is a greedy fill in the order of these prices, now and then (it costs an iteration)
      double scale = 1;
      for (int c = 0; c < n; c++) {
        if (usage[c] > capacity[c]) {
          scale = Math.min(scale, capacity[c] / usage[c]);
        }
      }
      lower = Math.max(lower, served * scale);
      if (it % 10 == 0) {
        lower = Math.max(lower, greedyFill(capacity, commodities, y));
        if (it > 0 && System.nanoTime() - deadlineNanos > 0) {
          it++;
          break;
        }
      }
      if (Double.isInfinite(best) || value < best - 1e-9 * Math.max(1, best)) {
        best = value;
        System.arraycopy(y, 0, bestY, 0, n);
        sinceBetter = 0;
      } else if (++sinceBetter >= 15) {
        theta /= 2;
        sinceBetter = 0;
      }
      double norm = 0;
      for (int c = 0; c < n; c++) {
        g[c] = capacity[c] - usage[c];
        // a resource at price 0 with slack cannot move further: it is not part of the step
        if (y[c] <= 0 && g[c] > 0) {
          g[c] = 0;
        }
        norm += g[c] * g[c];
      }
      if (norm == 0 || best - lower <= 1e-6 * Math.max(1, best)) {
        it++;
        break;
      }
      double step = theta * (value - lower) / norm;
      for (int c = 0; c < n; c++) {
        y[c] = Math.max(0, y[c] - step * g[c]);
      }
    }
    return new Solution(best, lower, bestY, it);
  }

  /**
   * A feasible schedule: columns taken cheapest first at prices {@code y}, each as far as the
   * residual capacities of its terms' alternatives allow, drawing on the cheaper alternatives
   * first. Its value is a lower bound on the LP optimum.
   */
  static double greedyFill(double[] capacity, List<Commodity> commodities, double[] y) {
    double[] left = capacity.clone();
    record Pick(double cost, Commodity k, Column col) {}
    List<Pick> picks = new java.util.ArrayList<>();
    for (Commodity k : commodities) {
      for (Column col : k.columns()) {
        double c = 0;
        for (Term t : col.terms()) {
          c += t.coef() * y[cheapest(t, y)];
        }
        picks.add(new Pick(c, k, col));
      }
    }
    picks.sort(java.util.Comparator.comparingDouble(Pick::cost));
    java.util.IdentityHashMap<Commodity, double[]> served = new java.util.IdentityHashMap<>();
    double total = 0;
    for (Pick p : picks) {
      double[] done = served.computeIfAbsent(p.k(), k -> new double[1]);
      double amount = Math.min(p.k().demand() - done[0], p.col().cap());
      for (Term t : p.col().terms()) {
        double avail = 0;
        for (int a : t.alternatives()) {
          avail += left[a];
        }
        amount = Math.min(amount, avail / t.coef());
      }
      if (!(amount > 1e-12)) {
        continue;
      }
      for (Term t : p.col().terms()) {
        double need = amount * t.coef();
        int[] alt = t.alternatives().clone();
        Integer[] order = new Integer[alt.length];
        for (int i = 0; i < alt.length; i++) {
          order[i] = alt[i];
        }
        Arrays.sort(order, (u, v) -> Double.compare(y[u], y[v]));
        for (int a : order) {
          double d = Math.min(need, left[a]);
          left[a] -= d;
          need -= d;
          if (need <= 0) {
            break;
          }
        }
      }
      done[0] += amount;
      total += amount;
    }
    return total;
  }

  private static int cheapest(Term t, double[] y) {
    int[] a = t.alternatives();
    int best = a[0];
    for (int i = 1; i < a.length; i++) {
      if (y[a[i]] < y[best]) {
        best = a[i];
      }
    }
    return best;
  }
}
