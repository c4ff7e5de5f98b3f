package org.dpem.learning.forecast;

/**
 * A batch of one-series units seen as one {@link Forecaster} whose series are the units: for a
 * caller that forecasts many independent series (one per link, say) through one forecaster.
 */
final class UnitsAsSeries implements Forecaster {
  private final BatchForecaster batch;

  UnitsAsSeries(BatchForecaster batch) {
    if (batch.series() != 1) {
      throw new IllegalArgumentException(batch.name() + ": only units of one series can be seen as series, got "
          + batch.series());
    }
    this.batch = batch;
  }

  @Override
  public String name() {
    return batch.name();
  }

  @Override
  public int series() {
    return batch.units();
  }

  @Override
  public int horizon() {
    return batch.horizon();
  }

  @Override
  public void observe(double[] counts) {
    Checks.length(name(), counts, batch.units());
    double[][] each = new double[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      each[i] = new double[] {counts[i]};
    }
    batch.observe(each);
  }

  @Override
  public double[][] forecast() {
    double[][][] f = batch.forecast();
    double[][] out = new double[batch.horizon()][f.length];
    for (int i = 0; i < f.length; i++) {
      for (int h = 0; h < out.length; h++) {
        out[h][i] = f[i][h][0];
      }
    }
    return out;
  }
}
