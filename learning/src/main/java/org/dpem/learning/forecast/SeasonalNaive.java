package org.dpem.learning.forecast;

/**
 * Seasonal naive, per series: the forecast for {@code h} steps ahead is the value observed one
 * season before that step, {@code y[t + h - m * ceil(h / m)]}. With a season of 1 it is the
 * plain naive forecast (the last value). Until one full season has been seen, a step whose
 * seasonal counterpart is missing gets the last value, and before any observation 0. It is the
 * scale of MASE: a method that cannot beat it has learned nothing about the series.
 */
public final class SeasonalNaive implements Forecaster {
  private final int season;
  private final int horizon;
  private final double[][] ring;
  private final double[] last;
  private long seen;

  public SeasonalNaive(int series, int horizon, int season) {
    if (series < 1 || horizon < 1 || season < 1) {
      throw new IllegalArgumentException("seasonal-naive: series, horizon and season must be at least 1, got "
          + series + ", " + horizon + " and " + season);
    }
    this.season = season;
    this.horizon = horizon;
    this.ring = new double[series][season];
    this.last = new double[series];
  }

  @Override
  public String name() {
    return "seasonal-naive";
  }

  @Override
  public int series() {
    return ring.length;
  }

  @Override
  public int horizon() {
    return horizon;
  }

  @Override
  public void observe(double[] counts) {
    Checks.length(name(), counts, ring.length);
    int slot = (int) (seen % season);
    for (int i = 0; i < ring.length; i++) {
      ring[i][slot] = counts[i];
      last[i] = counts[i];
    }
    seen++;
  }

  @Override
  public double[][] forecast() {
    double[][] out = new double[horizon][ring.length];
    for (int h = 1; h <= horizon; h++) {
      // the step being forecast is t + h (t = seen - 1); its value one season back, as many
      // seasons back as needed to reach the past
      long back = (long) season * ((h + season - 1) / season);
      long at = seen - 1 + h - back;
      for (int i = 0; i < ring.length; i++) {
        out[h - 1][i] = at >= 0 ? ring[i][(int) (at % season)] : last[i];
      }
    }
    return out;
  }
}
