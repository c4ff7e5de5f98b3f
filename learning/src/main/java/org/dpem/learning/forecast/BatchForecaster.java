package org.dpem.learning.forecast;

import java.util.function.IntFunction;

/**
 * One forecaster per unit (a node, or anything else that has its own series), stepped
 * together: each epoch every unit observes its counts and all forecasts come back from one
 * call, so a model that can batch (the LSTM) runs once per epoch for all units. Units never
 * share what they learn: unit {@code u}'s forecast depends on unit {@code u}'s history only.
 */
public interface BatchForecaster extends AutoCloseable {
  /** The name used in reports and config, e.g. {@code lstm}. */
  String name();

  /** Number of units, each with its own forecaster. */
  int units();

  /** Number of series per unit. */
  int series();

  /** Number of future epochs predicted. */
  int horizon();

  /** Records one epoch's counts for every unit, indexed {@code [unit][series]}. */
  void observe(double[][] counts);

  /** Every unit's forecast, indexed {@code [unit][step][series]}, step 0 the next epoch. */
  double[][][] forecast();

  /** Releases native resources, if any. */
  @Override
  default void close() {}

  /**
   * This batch, whose units have one series each, as one {@link Forecaster} whose series are
   * the units (e.g. one LSTM per link behind the single-forecaster interface).
   */
  default Forecaster asSeries() {
    return new UnitsAsSeries(this);
  }

  /** A batch of independent per-unit forecasters, e.g. {@code perUnit(100, u -> new Ewma(4, 8, 0.1))}. */
  static BatchForecaster perUnit(int units, IntFunction<Forecaster> factory) {
    return new PerUnit(units, factory);
  }
}
