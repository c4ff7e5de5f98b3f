package org.dpem.controller.policy;

/**
 * One node's demand forecast at the start of an epoch: pairs its requests will ask for in each
 * of the next forecast steps (of {@code ForecastSpec.stepEpochs} epochs each, 5 s by default),
 * per destination group (see {@code DemandHistory}). Empty when the run has no forecaster.
 */
public final class NodeForecast {
  public static final NodeForecast NONE = new NodeForecast(new double[0][0]);

  private final double[][] pairs;

  /** @param pairs {@code [step][group]}, step 0 the coming one; copied */
  public NodeForecast(double[][] pairs) {
    this.pairs = new double[pairs.length][];
    for (int i = 0; i < pairs.length; i++) {
      this.pairs[i] = pairs[i].clone();
    }
  }

  /** Steps forecast; 0 when there is no forecast. */
  public int horizon() {
    return pairs.length;
  }

  public int groups() {
    return pairs.length == 0 ? 0 : pairs[0].length;
  }

  /** Pairs forecast for destination group {@code group} in the step {@code step} ahead (0: the coming one). */
  public double pairs(int step, int group) {
    return pairs[step][group];
  }

  /** Pairs forecast over all destinations in the step {@code step} ahead. */
  public double total(int step) {
    double s = 0;
    for (double v : pairs[step]) {
      s += v;
    }
    return s;
  }
}
