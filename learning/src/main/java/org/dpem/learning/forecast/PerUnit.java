package org.dpem.learning.forecast;

/** {@link BatchForecaster#perUnit}: one plain forecaster per unit, stepped in a loop. */
final class PerUnit implements BatchForecaster {
  private final Forecaster[] each;

  PerUnit(int units, java.util.function.IntFunction<Forecaster> factory) {
    if (units < 1) {
      throw new IllegalArgumentException("at least one unit is needed, got " + units);
    }
    each = new Forecaster[units];
    for (int u = 0; u < units; u++) {
      each[u] = factory.apply(u);
      if (each[u].series() != each[0].series() || each[u].horizon() != each[0].horizon()) {
        throw new IllegalArgumentException("unit " + u + "'s forecaster has another shape than unit 0's");
      }
    }
  }

  @Override
  public String name() {
    return each[0].name();
  }

  @Override
  public int units() {
    return each.length;
  }

  @Override
  public int series() {
    return each[0].series();
  }

  @Override
  public int horizon() {
    return each[0].horizon();
  }

  @Override
  public void observe(double[][] counts) {
    if (counts.length != each.length) {
      throw new IllegalArgumentException(name() + ": expected " + each.length + " units, got " + counts.length);
    }
    for (int u = 0; u < each.length; u++) {
      each[u].observe(counts[u]);
    }
  }

  @Override
  public double[][][] forecast() {
    double[][][] out = new double[each.length][][];
    for (int u = 0; u < each.length; u++) {
      out[u] = each[u].forecast();
    }
    return out;
  }
}
