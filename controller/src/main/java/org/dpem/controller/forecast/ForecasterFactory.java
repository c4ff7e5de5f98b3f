package org.dpem.controller.forecast;

import org.dpem.learning.forecast.BatchForecaster;
import org.dpem.learning.forecast.Ewma;
import org.dpem.learning.forecast.Forecaster;
import org.dpem.learning.forecast.HoltWinters;
import org.dpem.learning.forecast.Lstm;
import org.dpem.learning.forecast.LstmSettings;
import org.dpem.learning.forecast.SeasonalNaive;

/**
 * Makes a batch of per-unit forecasters of the configured kind: per node for the control loop,
 * or per link (or anything else) for a policy that forecasts its own series.
 */
@FunctionalInterface
public interface ForecasterFactory {
  /**
   * EWMA's smoothing factor when none is fitted: what {@code dpem forecast} fits by squared
   * error on the paper scenario at 5 s steps (a memory of about 10 steps).
   */
  double EWMA_ALPHA = 0.1;
  /**
   * Holt-Winters' level, trend and season smoothing factors when none are fitted: slow, since a
   * season holds one observation per seasonal term.
   */
  double HW_ALPHA = 0.05;
  double HW_BETA = 0.0;
  double HW_GAMMA = 0.05;

  BatchForecaster create(int units, int series, int horizon);

  /**
   * One forecaster over {@code series} independent series, each its own unit (one LSTM per
   * series, for instance): the {@code (series, horizon) -> Forecaster} form a policy that
   * forecasts per link takes, e.g. {@code factory::forSeries}.
   */
  default Forecaster forSeries(int series, int horizon) {
    return create(series, 1, horizon).asSeries();
  }

  /**
   * The config's forecaster with its default parameters.
   *
   * @param season epochs per season of the workload (1 when it has none)
   */
  static ForecasterFactory of(org.dpem.config.controller.Forecaster kind, int season, long seed) {
    int m = Math.max(1, season);
    return switch (kind) {
      case LSTM -> (u, s, h) -> new Lstm(u, s, h, LstmSettings.defaults(m, seed));
      case EWMA -> ewma(EWMA_ALPHA);
      case SEASONAL_NAIVE -> (u, s, h) -> BatchForecaster.perUnit(u, i -> new SeasonalNaive(s, h, m));
      case HOLT_WINTERS -> (u, s, h) -> BatchForecaster.perUnit(u,
          i -> new HoltWinters(s, h, m, HW_ALPHA, HW_BETA, HW_GAMMA));
    };
  }

  static ForecasterFactory ewma(double alpha) {
    return (u, s, h) -> BatchForecaster.perUnit(u, i -> new Ewma(s, h, alpha));
  }
}
