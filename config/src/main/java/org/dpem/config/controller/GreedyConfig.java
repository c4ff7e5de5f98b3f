package org.dpem.config.controller;

import java.util.Objects;

/**
 * Parameters of the greedy baseline.
 *
 * @param rateMargin factor on the rate that would deliver a request's remaining pairs exactly at
 *     its deadline; greedy asks for this much (at least 1)
 * @param order which queued request greedy serves first
 */
public record GreedyConfig(double rateMargin, GreedyOrder order) {
  /** The untuned baseline: margin 2, first come first served. */
  public static final GreedyConfig DEFAULT = new GreedyConfig(2.0, GreedyOrder.ARRIVAL);

  /**
   * What {@code greedy-tuned} uses unless the config says otherwise: the best setting of the
   * search on training seeds recorded in {@code config/examples/CALIBRATION.md}.
   */
  public static final GreedyConfig TUNED = new GreedyConfig(4.0, GreedyOrder.EARLIEST_DEADLINE);

  public GreedyConfig {
    Objects.requireNonNull(order);
    if (!(rateMargin >= 1) || Double.isInfinite(rateMargin)) {
      throw new IllegalArgumentException("rate margin must be finite and >= 1, got " + rateMargin);
    }
  }
}
