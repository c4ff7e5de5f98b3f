package org.dpem.controller.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpem.controller.lp.Simplex;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.CandidatePath;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The strong centralized baseline: each epoch with queued requests it solves one LP over all of
 * them (the current and known demand of the window) and rounds the solution.
 *
 * <pre>
 *   maximise   sum_{r,p} x_{r,p}                       (end-to-end pairs/s granted)
 *   subject to sum_p x_{r,p} &lt;= target_r              for each queued request r
 *              sum_{r,p} a_{c,r,p} x_{r,p} &lt;= free_c   for each resource c
 *              x_{r,p} &gt;= 0
 * </pre>
 *
 * where p ranges over r's feasible candidate paths and a_{c,r,p} is the {@link Usage} of one
 * pair/s of r on p at resource c; memory slots, which do not scale with rate, enter as
 * {@code slots / target_r} per pair/s (the fractional relaxation of "the request holds its slots").
 * The target is raised, if needed, to the least rate at which a path's pairs meet the floor
 * ({@link PendingRequest#minRate(CandidatePath)}).
 * Rounding keeps, for each request, the path with the largest x_{r,p} if x is at least the
 * request's minimum rate on that path, and claims those in decreasing x; the reservation then enforces exact
 * capacities. At most {@link #MAX_REQUESTS} requests (earliest deadline first) enter one LP, to
 * bound the solve time.
 */
public final class CentralLpPolicy implements AllocationPolicy {
  public static final int MAX_REQUESTS = 150;
  private static final Logger LOG = LoggerFactory.getLogger(CentralLpPolicy.class);
  private long unsolved;

  @Override
  public String name() {
    return "central-lp";
  }

  @Override
  public Decision decide(EpochView view) {
    List<PendingRequest> reqs = new ArrayList<>();
    for (PendingRequest p : view.pending()) {
      if (!p.candidates().isEmpty()) {
        reqs.add(p);
      }
    }
    if (reqs.isEmpty()) {
      return Decision.NONE;
    }
    reqs.sort(Comparator.comparingLong((PendingRequest p) -> p.request().deadlineNanos())
        .thenComparingLong(PendingRequest::id));
    if (reqs.size() > MAX_REQUESTS) {
      reqs = reqs.subList(0, MAX_REQUESTS);
    }
    ExpressionsBasedModel lp = new ExpressionsBasedModel();
    Map<Integer, Expression> rows = new HashMap<>();
    record Column(PendingRequest req, CandidatePath path, Variable x) {}
    List<Column> cols = new ArrayList<>();
    for (PendingRequest p : reqs) {
      double target = p.targetRate();
      for (CandidatePath path : p.candidates()) {
        target = Math.max(target, Math.min(p.minRate(path), 1e6));
      }
      Expression demand = lp.addExpression("d" + p.id()).upper(target);
      for (CandidatePath path : p.candidates()) {
        Variable x = lp.addVariable("x" + p.id() + "_" + cols.size()).lower(0).weight(1);
        demand.set(x, 1);
        Usage unit = Usage.of(view.model(), path, 1.0);
        for (int i = 0; i < unit.resources().length; i++) {
          int c = unit.resources()[i];
          double coef = unit.scalable()[i] ? unit.amounts()[i] : unit.amounts()[i] / target;
          Expression row = rows.computeIfAbsent(c,
              k -> lp.addExpression("c" + k).upper(view.resources().free(k)));
          row.set(x, coef);
        }
        cols.add(new Column(p, path, x));
      }
    }
    // a cycling simplex is stopped; the epoch then claims nothing rather than stall the loop
    Optimisation.Result res = Simplex.maximise(lp);
    if (!res.getState().isFeasible()) {
      unsolved++;
      if (unsolved == 1 || unsolved % 1000 == 0) {
        LOG.warn("central-lp: epoch LP not solved ({}, {} columns); no claims this epoch ({} so far)",
            res.getState(), cols.size(), unsolved);
      }
      return Decision.NONE;
    }
    Map<Long, Column> best = new HashMap<>();
    Map<Long, Double> bestX = new HashMap<>();
    for (int i = 0; i < cols.size(); i++) {
      double x = res.doubleValue(i);
      Column col = cols.get(i);
      if (x > bestX.getOrDefault(col.req.id(), 0.0)) {
        bestX.put(col.req.id(), x);
        best.put(col.req.id(), col);
      }
    }
    List<Claim> claims = new ArrayList<>();
    for (Map.Entry<Long, Column> e : best.entrySet()) {
      PendingRequest p = e.getValue().req;
      double x = bestX.get(e.getKey());
      double min = p.minRate(e.getValue().path);
      if (x >= min) {
        claims.add(new Claim(p.id(), e.getValue().path, x, min));
      }
    }
    claims.sort(Comparator.comparingDouble((Claim c) -> -c.rate()).thenComparingLong(Claim::requestId));
    return Decision.of(claims);
  }
}
