package org.dpem.controller.lp;

import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;

/**
 * ojAlgo's simplex with a pivot limit. It can cycle on degenerate programs (a 9-column epoch LP
 * of central-lp on a 7-node mesh never returned), so a solve that needs more than
 * {@link #PIVOTS_PER_SIZE} pivots per variable and row is stopped; its state is then not
 * optimal, and the caller decides what that means.
 */
public final class Simplex {
  /** Pivots per variable and row before a solve counts as cycling. */
  public static final int PIVOTS_PER_SIZE = 50;

  private Simplex() {}

  public static Optimisation.Result maximise(ExpressionsBasedModel lp) {
    lp.options.iterations_abort = PIVOTS_PER_SIZE * (lp.countVariables() + lp.countExpressions());
    return lp.maximise();
  }
}
