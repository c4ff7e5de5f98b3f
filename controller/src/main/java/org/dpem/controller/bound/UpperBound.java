package org.dpem.controller.bound;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * The most pairs any allocator could deliver for the same requests and capacities: a path-based
 * multicommodity-flow linear program, solved with ojAlgo.
 *
 * <p>Given the accepted requests R over a run of H seconds, each request r with pairs D_r,
 * fidelity floor F_r and window W_r = deadline - arrival, and for each r its feasible paths P_r:
 * the K loopless most-likely paths between its ends (the candidate set every allocator routes
 * on, with K at least the allocators' k) whose fidelity with no storage decay at all,
 * {@code (3 prod_j w_j + 1) / 4} with {@code w_j = (4 F_j - 1) / 3}, meets F_r:
 *
 * <pre>
 *   maximise    sum_r sum_{p in P_r} x_{r,p}                     (pairs delivered)
 *   subject to  sum_{p in P_r} x_{r,p} &lt;= min(D_r, W_r * c_r)       for each request r
 *               u_{r,p,j,a} + u_{r,p,j,b} = x_{r,p} / s_j          for each link j = (a, b) of p
 *               sum_{r,p,j : n an end of j} u_{r,p,j,n} &lt;= G_n * H  per node n (generation)
 *               sum_{r,p : n inside p} x_{r,p} / q_n &lt;= S_n * H      per node n (swapping)
 *               x, u &gt;= 0
 * </pre>
 *
 * (a link's attempts may come from the source at either end, u splitting them, whatever end the
 * controller itself uses)
 *
 * where s_j is link j's herald probability per attempt, G_n the node's generation rate
 * (attempts/s), S_n its swap capacity (swaps/s), q_n its swap success probability, and c_r the
 * largest rate any one of r's paths could carry with the whole network to itself (so no request
 * gets more than its window allows). Every coefficient is optimistic: a delivered pair needs at
 * least one herald per link (at least 1/s_j attempts in expectation) and at least one successful
 * swap per intermediate node (at least 1/q_n attempts); decay, swap failures that waste link
 * pairs, memory limits and the timing of requests within the run are all relaxed away. The value
 * therefore bounds the expected delivery of every allocator that routes on these paths.
 * Requests with identical ends, windows ignored, and identical feasible path sets are merged into
 * one commodity to keep the LP small; merging does not change the optimum.
 *
 * <p>Up to {@link #EXACT_LIMIT} columns the LP is solved exactly with ojAlgo. Larger instances
 * (a simulated hour of the paper's workload has tens of thousands) take ojAlgo minutes, so there
 * the bound is the Lagrangian dual of the same LP ({@link DualBound}), which is a valid upper
 * bound at every iterate and is reported as such ({@link Result#method()}).
 */
public final class UpperBound {
  /** Candidate paths per request considered by the bound. */
  public static final int PATHS = 8;

  /**
   * @param pairs the bound on delivered pairs
   * @param pairsPerSecond {@code pairs / H}
   * @param commodities merged commodities in the LP
   * @param variables LP variables
   * @param method {@code lp} (solved exactly by ojAlgo) or {@code lagrangian-dual} (a valid but
   *     possibly looser bound, for large instances); {@link TimeIndexedBound} adds its own
   * @param note why a looser form was used, if one was (empty otherwise)
   */
  public record Result(double pairs, double pairsPerSecond, int commodities, int variables,
      String method, String note) {
    public Result(double pairs, double pairsPerSecond, int commodities, int variables, String method) {
      this(pairs, pairsPerSecond, commodities, variables, method, "");
    }
  }

  /** Above this many LP columns the Lagrangian dual ({@link DualBound}) is used instead. */
  public static final int EXACT_LIMIT = 3000;
  static final int DUAL_ITERATIONS = 400;

  private UpperBound() {}

  public static Result solve(NetworkModel model, List<Request> requests, double horizonSeconds) {
    return solve(model, requests, horizonSeconds, EXACT_LIMIT);
  }

  /** As {@link #solve(NetworkModel, List, double)}, solving exactly up to {@code exactLimit} columns. */
  static Result solve(NetworkModel model, List<Request> requests, double horizonSeconds,
      int exactLimit) {
    BitSet all = new BitSet();
    all.set(0, model.nodeCount());
    TopologySnapshot topo = new TopologySnapshot(model, all, 0, PATHS);
    // commodity key: ends plus which paths are feasible -> summed capped demand
    Map<List<Object>, double[]> demand = new LinkedHashMap<>();
    Map<List<Object>, List<CandidatePath>> pathsOf = new HashMap<>();
    for (Request r : requests) {
      int s = model.indexOf(r.source());
      int d = model.indexOf(r.destination());
      if (s < 0 || d < 0 || s == d) {
        continue;
      }
      List<CandidatePath> feasible = new ArrayList<>();
      for (CandidatePath p : topo.paths(s, d)) {
        if (noDecayFidelity(model, p) >= r.minFidelity()) {
          feasible.add(p);
        }
      }
      if (feasible.isEmpty()) {
        continue;
      }
      double bestRate = 0;
      for (CandidatePath p : feasible) {
        bestRate = Math.max(bestRate, PathUse.of(model, p).soloRate(model));
      }
      double window = Math.max(0, (r.deadlineNanos() - r.arrivalNanos()) / 1e9);
      double cap = Math.min(r.pairs(), bestRate * window);
      List<Object> key = List.of(s, d, feasible);
      demand.computeIfAbsent(key, k -> new double[1])[0] += cap;
      pathsOf.putIfAbsent(key, feasible);
    }
    if (demand.isEmpty() || horizonSeconds <= 0) {
      return new Result(0, 0, 0, 0, "none");
    }
    int columns = 0;
    for (List<CandidatePath> ps : pathsOf.values()) {
      columns += ps.size();
    }
    if (columns > exactLimit) {
      return dual(model, demand, pathsOf, horizonSeconds, columns);
    }
    ExpressionsBasedModel lp = new ExpressionsBasedModel();
    Map<Integer, Expression> rows = new HashMap<>();
    int vars = 0;
    for (Map.Entry<List<Object>, double[]> e : demand.entrySet()) {
      Expression dem = lp.addExpression("d" + vars).upper(e.getValue()[0]);
      for (CandidatePath p : pathsOf.get(e.getKey())) {
        Variable x = lp.addVariable("x" + vars++).lower(0).weight(1);
        dem.set(x, 1);
        PathUse use = PathUse.of(model, p);
        for (int i = 0; i < use.coef().length; i++) {
          if (use.first()[i] == use.second()[i]) {
            row(lp, rows, model, use.first()[i], horizonSeconds).set(x, use.coef()[i]);
            continue;
          }
          // the link's attempts come from either end: u_a + u_b = coef * x
          Variable ua = lp.addVariable("u" + vars + "a" + i).lower(0);
          Variable ub = lp.addVariable("u" + vars + "b" + i).lower(0);
          lp.addExpression("split" + vars + "_" + i).level(0).set(ua, 1).set(ub, 1).set(x, -use.coef()[i]);
          row(lp, rows, model, use.first()[i], horizonSeconds).set(ua, 1);
          row(lp, rows, model, use.second()[i], horizonSeconds).set(ub, 1);
        }
      }
    }
    Optimisation.Result res = Simplex.maximise(lp);
    if (!res.getState().isOptimal()) {
      // a cycling simplex: only an optimum bounds anything, so take the dual, valid at any iterate
      Result d = dual(model, demand, pathsOf, horizonSeconds, columns);
      return new Result(d.pairs(), d.pairsPerSecond(), d.commodities(), d.variables(), d.method(),
          "the exact LP was not solved to optimality (" + res.getState() + "): Lagrangian dual");
    }
    double v = Math.max(0, res.getValue());
    return new Result(v, v / horizonSeconds, demand.size(), vars, "lp");
  }

  private static Result dual(NetworkModel model, Map<List<Object>, double[]> demand,
      Map<List<Object>, List<CandidatePath>> pathsOf, double horizon, int columns) {
    double[] cap = new double[3 * model.nodeCount()];
    for (int r = 0; r < cap.length; r++) {
      // memory never binds in the bound: no term uses it, so it gets no price
      cap[r] = ResourceKind.kindOf(r) == ResourceKind.MEMORY ? 0 : PathUse.capacity(model, r, horizon);
    }
    List<DualBound.Commodity> ks = new ArrayList<>();
    for (Map.Entry<List<Object>, double[]> e : demand.entrySet()) {
      List<DualBound.Column> cols = new ArrayList<>();
      for (CandidatePath p : pathsOf.get(e.getKey())) {
        cols.add(new DualBound.Column(Double.POSITIVE_INFINITY, PathUse.of(model, p).terms(0, 1, 0)));
      }
      ks.add(new DualBound.Commodity(e.getValue()[0], cols));
    }
    DualBound.Solution r = DualBound.solve(cap, ks, null, DUAL_ITERATIONS);
    return new Result(r.value(), r.value() / horizon, demand.size(), columns, "lagrangian-dual");
  }

  private static Expression row(ExpressionsBasedModel lp, Map<Integer, Expression> rows,
      NetworkModel model, int resource, double horizon) {
    return rows.computeIfAbsent(resource,
        r -> lp.addExpression("c" + r).upper(PathUse.capacity(model, r, horizon)));
  }

  /** Path fidelity with no storage decay: the best any schedule could see on this path. */
  static double noDecayFidelity(NetworkModel model, CandidatePath p) {
    int[] idx = p.nodeIndex();
    double w = 1;
    for (int j = 0; j + 1 < idx.length; j++) {
      w *= FidelityModel.werner(model.links().get(model.linkBetween(idx[j], idx[j + 1])).fidelity());
    }
    return FidelityModel.fidelity(w);
  }
}
