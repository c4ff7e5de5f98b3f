package org.dpem.learning.forecast;

import java.util.Arrays;

/**
 * Exponentially weighted moving average, per series: level = alpha * x + (1 - alpha) * level,
 * started at the first observation. A flat forecast: every future step is the current level,
 * which is what simple exponential smoothing predicts for a series without trend or season.
 */
public final class Ewma implements Forecaster {
  private final double alpha;
  private final int horizon;
  private final double[] level;
  private boolean started;

  public Ewma(int series, int horizon, double alpha) {
    if (series < 1 || horizon < 1) {
      throw new IllegalArgumentException("ewma: series and horizon must be at least 1, got "
          + series + " and " + horizon);
    }
    Checks.unit("ewma", "alpha", alpha, false);
    this.alpha = alpha;
    this.horizon = horizon;
    this.level = new double[series];
  }

  @Override
  public String name() {
    return "ewma";
  }

  @Override
  public int series() {
    return level.length;
  }

  @Override
  public int horizon() {
    return horizon;
  }

  @Override
  public void observe(double[] counts) {
    Checks.length(name(), counts, level.length);
    for (int i = 0; i < level.length; i++) {
      level[i] = started ? alpha * counts[i] + (1 - alpha) * level[i] : counts[i];
    }
    started = true;
  }

  @Override
  public double[][] forecast() {
    double[][] out = new double[horizon][];
    for (int h = 0; h < horizon; h++) {
      out[h] = Arrays.copyOf(level, level.length);
    }
    return out;
  }
}
