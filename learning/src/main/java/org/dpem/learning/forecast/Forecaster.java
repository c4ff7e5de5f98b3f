package org.dpem.learning.forecast;

/**
 * A demand forecaster for one node: it observes one epoch's counts at a time, one value per
 * series (for example per destination group), and predicts the next {@link #horizon()} epochs.
 * It sees only the past it was shown, so a rolling-origin evaluation cannot peek at the future.
 */
public interface Forecaster {
  /** The name used in reports and config, e.g. {@code ewma}. */
  String name();

  /** Number of series observed per epoch. */
  int series();

  /** Number of future epochs predicted. */
  int horizon();

  /** Records one epoch's counts; {@code counts.length == series()}. */
  void observe(double[] counts);

  /**
   * The predicted counts for each of the next {@link #horizon()} epochs, indexed
   * {@code [step][series]}, step 0 being the next epoch. Never negative.
   */
  double[][] forecast();
}
