package org.dpem.controller.bound;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dpem.controller.lp.Simplex;
import org.dpem.controller.request.Request;
import org.dpem.controller.reserve.ResourceKind;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.FidelityModel;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.TopologySnapshot;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * A time-indexed upper bound on the pairs any allocator of this controller can deliver for the
 * same requests and capacities. Unlike the pooled bound ({@link UpperBound}), a busy minute cannot
 * borrow an idle minute's capacity, and pairs that would decay below their floor do not count.
 *
 * <h2>The linear program</h2>
 *
 * Time [0, H) is cut into windows of {@code window} seconds (the last one shorter). For request r
 * (arrival a_r, deadline d_r, pairs D_r, floor F_r) its paths P_r are those of the K most likely
 * loopless paths (the very candidates the run offered its policies, when its topology never
 * changed; else K = 8, at least any policy's k) whose fidelity estimate at the rate the path can carry
 * ({@link CandidatePath#fidelity()}: the swap law plus the expected wait at the path's full
 * generation rate) meets F_r: the very test by which the controller offers a path to any policy
 * ({@link TopologySnapshot#feasiblePaths}). For path p, the storage slack is
 *
 * <pre>
 *   tau_{r,p} = (T_p / 2) ln(w_p / w_r),   w_p = prod_j w_j (Werner parameters at herald), w_r = (4 F_r - 1) / 3
 * </pre>
 *
 * with T_p the longest coherence time on p, and r's pairs on p may use resources only in the
 * windows that meet [max(0, a_r - tau_{r,p}), min(d_r, H)]. Per pair, p needs on each link j
 * {@code g_j} units of generation (1/s_j attempts, or one unit of a heralded budget;
 * {@link NetworkModel#generationPerPair}) from the node at either end, and 1/q_n swaps at each
 * inner node n. Variables: x_{r,p} pairs, and y_{r,p,i,c,w} the amount of term i drawn from
 * resource c (an allowed end) in allowed window w:
 *
 * <pre>
 *   maximise    sum x_{r,p}
 *   subject to  sum_p x_{r,p} &lt;= D_r                                  for each request r
 *               0 &lt;= x_{r,p} &lt;= c_p (min(d_r, H) - max(0, a_r - tau_{r,p}))   (c_p: p's solo rate)
 *               sum_{c,w allowed} y_{r,p,i,c,w} = coef_i x_{r,p}         for each term i of p
 *               sum of y on (c, w) &lt;= rate_c * |w|                      per resource c and window w
 * </pre>
 *
 * <h2>Why no allocator can beat it</h2>
 *
 * Take any allocator and its run, and let X_{r,p} be the expected number of pairs it delivers
 * for r on p, at or above F_r and before d_r; Y_{r,p,i,c,w} the expected amount of resource c that
 * term i of those pairs consumed in window w. We show (X, Y) is feasible, so the optimum is at
 * least the expected delivery.
 * <ol>
 *   <li>Paths: the controller only accepts claims on paths offered to the policy, which are those
 *       whose estimate meets the floor (the bound's K is at least the controller's k).</li>
 *   <li>Demand: no request is served more than D_r pairs.</li>
 *   <li>Terms: every delivered pair needs one herald on each link and one successful swap at each
 *       inner node. Heralds come from attempts with probability s_j and swaps succeed with
 *       probability q_n, so by Wald's identity the expected attempts (swaps) spent are at least
 *       1/s_j (1/q_n) times the expected heralds (successful swaps) used; under a heralded budget a
 *       herald is one unit. Either end's source is allowed, whichever the controller uses.</li>
 *   <li>Windows: a pair delivered for r at or above F_r is made of link pairs that were
 *       heralded no earlier than a_r - tau_{r,p}: a link pair stored for t keeps at most
 *       {@code w_j exp(-2 t / T_p)} of its Werner parameter (both halves sit in memories and
 *       decay, each at least as fast as at T_p), swapping multiplies Werner parameters (perfect swaps; real ones only
 *       lower them), so a link pair older than tau at the request's arrival leaves
 *       w &lt; w_p exp(-2 tau / T_p) = w_r by the time the pair can be handed to r. Resources
 *       consumed after d_r deliver nothing in time. So every resource use lies in an allowed
 *       window.</li>
 *   <li>Capacity: a node's source attempts (or heralds, under a budget) at most rate_c per
 *       second, its repeater swaps at most rate_c per second, in every window.</li>
 *   <li>Column caps: during [a_r - tau, d_r] a single path can be fed at most its solo rate c_p (the
 *       whole network's capacity on each of its resources, divided by the per-pair need).</li>
 * </ol>
 * Memory slots and timing within a window are relaxed away; relaxing only enlarges the feasible
 * set. Requests with the same ends, path set and window ranges are merged (demands and caps
 * added): every solution of the separate program maps onto the merged one with the same value
 * and usage, so merging too only enlarges the feasible set. The caveat every LP bound has: the
 * program bounds <em>expected</em> delivery; one run's luck (heralds coming faster than their
 * expectation) can take a run's count a few standard deviations past it.
 *
 * <p>Up to {@link #EXACT_LIMIT} LP columns the program is solved exactly with ojAlgo
 * ({@code time-indexed-lp}). Larger instances use its Lagrangian dual ({@link DualBound}), a valid
 * bound at every iterate ({@code time-indexed-dual}), and the result's note says so and how far
 * it may be from the LP optimum (the gap to the best feasible schedule found).
 */
public final class TimeIndexedBound {
  /** Window length, seconds. */
  public static final double WINDOW_S = 5.0;
  /** Above this many LP columns the Lagrangian dual is used. */
  public static final int EXACT_LIMIT = 1500;
  /**
   * Iterations of the dual. A count, not a wall-time budget, so that the same run gives the same
   * bound on any machine under any load (experiment replays compare summaries byte for byte).
   */
  static final int DUAL_ITERATIONS = 1500;

  private TimeIndexedBound() {}

  public static UpperBound.Result solve(NetworkModel model, List<Request> requests, double horizonS) {
    return solve(model, requests, horizonS, null);
  }

  /**
   * As {@link #solve(NetworkModel, List, double)} on the candidate paths of {@code offered}, the
   * snapshot every policy routed on during the run (every node usable); null: the K =
   * {@link UpperBound#PATHS} most likely paths of the whole network.
   */
  public static UpperBound.Result solve(NetworkModel model, List<Request> requests, double horizonS,
      TopologySnapshot offered) {
    return solve(model, requests, horizonS, WINDOW_S, EXACT_LIMIT, offered);
  }

  static UpperBound.Result solve(NetworkModel model, List<Request> requests, double horizonS,
      double windowS, int exactLimit) {
    return solve(model, requests, horizonS, windowS, exactLimit, null);
  }

  /** The program: per-window capacities, merged commodities, and its LP column count. */
  record Program(double[] capacity, List<DualBound.Commodity> commodities, int lpColumns) {}

  static UpperBound.Result solve(NetworkModel model, List<Request> requests, double horizonS,
      double windowS, int exactLimit, TopologySnapshot offered) {
    if (horizonS <= 0) {
      return new UpperBound.Result(0, 0, 0, 0, "none");
    }
    Program prog = build(model, requests, horizonS, windowS, offered);
    if (prog.commodities().isEmpty()) {
      return new UpperBound.Result(0, 0, 0, 0, "none");
    }
    double[] capacity = prog.capacity();
    List<DualBound.Commodity> ks = prog.commodities();
    int lpColumns = prog.lpColumns();
    String why = String.format(Locale.ROOT, "%d LP columns exceed the exact limit of %d", lpColumns,
        exactLimit);
    if (lpColumns <= exactLimit) {
      Optimisation.Result exact = exact(capacity, ks);
      if (exact.getState().isOptimal()) {
        double v = Math.max(0, exact.getValue());
        return new UpperBound.Result(v, v / horizonS, ks.size(), lpColumns, "time-indexed-lp");
      }
      // Only an optimum bounds anything: a feasible value of a maximisation lies below it.
      why = "the exact LP (" + lpColumns + " columns) was not solved to optimality (" + exact.getState() + ")";
    }
    DualBound.Solution best = DualBound.solve(capacity, ks, null, DUAL_ITERATIONS);
    int iterations = best.iterations();
    double gap = best.value() > 0 ? (best.value() - best.lower()) / best.value() : 0;
    String note = String.format(Locale.ROOT,
        "%s: Lagrangian dual after %d iterations; it lies at"
            + " most %.1f%% above the LP optimum (best feasible schedule found: %.0f pairs)",
        why, iterations, 100 * gap, best.lower());
    return new UpperBound.Result(best.value(), best.value() / horizonS, ks.size(), lpColumns,
        "time-indexed-dual", note);
  }

  static Program build(NetworkModel model, List<Request> requests, double horizonS, double windowS,
      TopologySnapshot offered) {
    int windows = (int) Math.ceil(horizonS / windowS - 1e-9);
    int stride = ResourceKind.values().length * model.nodeCount();
    double[] capacity = new double[windows * stride];
    for (int w = 0; w < windows; w++) {
      double len = Math.min(windowS, horizonS - w * windowS);
      for (int r = 0; r < stride; r++) {
        // memory never binds here: no term uses it
        capacity[w * stride + r] = ResourceKind.kindOf(r) == ResourceKind.MEMORY ? 0
            : PathUse.capacity(model, r, len);
      }
    }
    TopologySnapshot topo = offered;
    if (topo == null || !topo.allUsable()) {
      BitSet all = new BitSet();
      all.set(0, model.nodeCount());
      topo = new TopologySnapshot(model, all, 0, UpperBound.PATHS);
    }
    Map<List<Object>, double[]> demand = new LinkedHashMap<>();
    Map<List<Object>, List<DualBound.Column>> columnsOf = new HashMap<>();
    Map<List<Object>, double[]> capsOf = new HashMap<>();
    for (Request r : requests) {
      int s = model.indexOf(r.source());
      int d = model.indexOf(r.destination());
      if (s < 0 || d < 0 || s == d) {
        continue;
      }
      List<Object> key = new ArrayList<>(List.of(s, d));
      List<DualBound.Column> cols = new ArrayList<>();
      List<Double> caps = new ArrayList<>();
      double arrival = r.arrivalNanos() / 1e9;
      double end = Math.min(r.deadlineNanos() / 1e9, horizonS);
      for (CandidatePath p : topo.paths(s, d)) {
        if (p.fidelity() < r.minFidelity()) {
          continue;
        }
        double start = Math.max(0, arrival - slack(model, p, r.minFidelity()));
        if (end <= start) {
          continue;
        }
        int w0 = (int) Math.floor(start / windowS);
        int w1 = Math.min(windows - 1, (int) Math.ceil(end / windowS) - 1);
        PathUse use = PathUse.of(model, p);
        cols.add(new DualBound.Column(0, use.terms(w0, w1 - w0 + 1, stride)));
        caps.add(use.soloRate(model) * (end - start));
        key.add(p);
        key.add(w0);
        key.add(w1);
      }
      if (cols.isEmpty()) {
        continue;
      }
      demand.computeIfAbsent(key, k -> new double[1])[0] += r.pairs();
      columnsOf.putIfAbsent(key, cols);
      double[] c = capsOf.computeIfAbsent(key, k -> new double[caps.size()]);
      for (int i = 0; i < c.length; i++) {
        c[i] += caps.get(i);
      }
    }
    List<DualBound.Commodity> ks = new ArrayList<>();
    int lpColumns = 0;
    for (Map.Entry<List<Object>, double[]> e : demand.entrySet()) {
      List<DualBound.Column> cols = columnsOf.get(e.getKey());
      double[] caps = capsOf.get(e.getKey());
      List<DualBound.Column> capped = new ArrayList<>(cols.size());
      for (int i = 0; i < cols.size(); i++) {
        capped.add(new DualBound.Column(caps[i], cols.get(i).terms()));
        lpColumns++;
        for (DualBound.Term t : cols.get(i).terms()) {
          lpColumns += t.alternatives().length > 1 ? t.alternatives().length : 0;
        }
      }
      ks.add(new DualBound.Commodity(e.getValue()[0], capped));
    }
    return new Program(capacity, ks, lpColumns);
  }

  /** The Lagrangian dual run for {@code iterations} from zero prices (for tests). */
  static DualBound.Solution dualOf(NetworkModel model, List<Request> requests, double horizonS,
      double windowS, int iterations) {
    Program p = build(model, requests, horizonS, windowS, null);
    return DualBound.solve(p.capacity(), p.commodities(), null, iterations);
  }

  /**
   * How long before a request's arrival a link pair on {@code p} may have been heralded and
   * still leave the floor reachable: {@code (T / 2) ln(w_p / w_floor)}, both halves decaying, with
   * T the longest coherence time on the path (unbounded for a floor at or below 1/4).
   */
  static double slack(NetworkModel model, CandidatePath p, double floor) {
    double wf = FidelityModel.werner(floor);
    if (wf <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    double wp = p.heraldWerner();
    if (wp <= wf) {
      return 0;
    }
    double t = 0;
    for (int i : p.nodeIndex()) {
      t = Math.max(t, model.node(i).coherenceTimeS());
    }
    return t / 2 * Math.log(wp / wf);
  }

  /** The program solved by ojAlgo's simplex, stopped if it cycles ({@link Simplex}). */
  static Optimisation.Result exact(double[] capacity, List<DualBound.Commodity> ks) {
    ExpressionsBasedModel lp = new ExpressionsBasedModel();
    Map<Integer, Expression> rows = new HashMap<>();
    int n = 0;
    for (DualBound.Commodity k : ks) {
      Expression dem = lp.addExpression("d" + n).upper(k.demand());
      for (DualBound.Column col : k.columns()) {
        Variable x = lp.addVariable("x" + n).lower(0).upper(col.cap()).weight(1);
        dem.set(x, 1);
        int t = 0;
        for (DualBound.Term term : col.terms()) {
          int[] alt = term.alternatives();
          if (alt.length == 1) {
            row(lp, rows, capacity, alt[0]).set(x, term.coef());
          } else {
            Expression split = lp.addExpression("s" + n + "_" + t).level(0).set(x, -term.coef());
            for (int a = 0; a < alt.length; a++) {
              Variable y = lp.addVariable("y" + n + "_" + t + "_" + a).lower(0);
              split.set(y, 1);
              row(lp, rows, capacity, alt[a]).set(y, 1);
            }
          }
          t++;
        }
        n++;
      }
    }
    return Simplex.maximise(lp);
  }

  private static Expression row(ExpressionsBasedModel lp, Map<Integer, Expression> rows,
      double[] capacity, int resource) {
    return rows.computeIfAbsent(resource, r -> lp.addExpression("c" + r).upper(capacity[r]));
  }
}
