package org.dpem.learning.forecast;

/**
 * Holt-Winters with additive trend and additive seasonality, per series, season {@code m}:
 *
 * <pre>
 *   level[t] = alpha (y[t] - s[t-m]) + (1 - alpha) (level[t-1] + trend[t-1])
 *   trend[t] = beta (level[t] - level[t-1]) + (1 - beta) trend[t-1]
 *   s[t]     = gamma (y[t] - level[t]) + (1 - gamma) s[t-m]
 *   yhat[t+h] = level[t] + h trend[t] + s[t + h - m ceil(h / m)]
 * </pre>
 *
 * <p>Started the classical way: during the first season the level is the running mean and the
 * seasonal terms are zero (so it forecasts that mean); at the end of the first season the
 * level is the season's mean, the trend 0 and each seasonal term its value's deviation from
 * that mean. Forecasts are clamped at 0, since demand cannot be negative.
 */
public final class HoltWinters implements Forecaster {
  private final double alpha;
  private final double beta;
  private final double gamma;
  private final int season;
  private final int horizon;
  private final double[] level;
  private final double[] trend;
  private final double[][] seasonal;
  private long seen;

  public HoltWinters(int series, int horizon, int season, double alpha, double beta, double gamma) {
    if (series < 1 || horizon < 1 || season < 1) {
      throw new IllegalArgumentException("holt-winters: series, horizon and season must be at least 1, got "
          + series + ", " + horizon + " and " + season);
    }
    Checks.unit("holt-winters", "alpha", alpha, false);
    Checks.unit("holt-winters", "beta", beta, true);
    Checks.unit("holt-winters", "gamma", gamma, true);
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.season = season;
    this.horizon = horizon;
    this.level = new double[series];
    this.trend = new double[series];
    this.seasonal = new double[series][season];
  }

  @Override
  public String name() {
    return "holt-winters";
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
  public void observe(double[] y) {
    Checks.length(name(), y, level.length);
    int slot = (int) (seen % season);
    if (seen < season) {
      // first season: remember the values, keep the running mean as the level
      for (int i = 0; i < level.length; i++) {
        seasonal[i][slot] = y[i];
        level[i] += (y[i] - level[i]) / (seen + 1);
      }
      if (seen == season - 1) {
        for (int i = 0; i < level.length; i++) {
          for (int k = 0; k < season; k++) {
            seasonal[i][k] -= level[i];
          }
        }
      }
    } else {
      for (int i = 0; i < level.length; i++) {
        double s = seasonal[i][slot];
        double l = alpha * (y[i] - s) + (1 - alpha) * (level[i] + trend[i]);
        trend[i] = beta * (l - level[i]) + (1 - beta) * trend[i];
        level[i] = l;
        seasonal[i][slot] = gamma * (y[i] - l) + (1 - gamma) * s;
      }
    }
    seen++;
  }

  @Override
  public double[][] forecast() {
    double[][] out = new double[horizon][level.length];
    boolean started = seen >= season;
    for (int h = 1; h <= horizon; h++) {
      int slot = (int) ((seen - 1 + h) % season);
      for (int i = 0; i < level.length; i++) {
        double v = started ? level[i] + h * trend[i] + seasonal[i][slot] : level[i];
        out[h - 1][i] = Math.max(0, v);
      }
    }
    return out;
  }
}
