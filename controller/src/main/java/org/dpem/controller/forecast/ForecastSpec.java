package org.dpem.controller.forecast;

import org.dpem.config.DpemConfig;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.config.workload.DiurnalArrivals;
import org.dpem.config.workload.MixedArrivals;
import org.dpem.config.workload.WorkloadConfig;

/**
 * Which forecaster each node runs and what it predicts.
 *
 * @param factory the forecaster (config: controller.agents.forecaster)
 * @param groups destination groups per node (series of each forecaster)
 * @param horizon steps predicted (controller.agents.forecast_horizon)
 * @param stepEpochs control epochs per forecast step: each node's demand is summed over a step
 */
public record ForecastSpec(ForecasterFactory factory, int groups, int horizon, int stepEpochs) {
  /** Destination groups per node: enough to tell directions apart, few enough to stay dense. */
  public static final int GROUPS = 4;
  /**
   * The forecast step. A node of the paper scenario sees about 0.6 pairs/s: per 100 ms epoch
   * its demand is almost always 0, noise that no method predicts (see README, "Forecasting");
   * summed over 5 s a node has a few pairs per step and its rate can be learned.
   */
  public static final int STEP_MS = 5000;

  public ForecastSpec {
    if (groups < 1 || horizon < 1 || stepEpochs < 1) {
      throw new IllegalArgumentException("a forecast needs at least one group, one step and one epoch per step");
    }
  }

  /** Control epochs per {@link #STEP_MS} (at least one). */
  public static int stepEpochs(int epochMs) {
    return Math.max(1, Math.round((float) STEP_MS / epochMs));
  }

  /** The config's forecaster, horizon and season. */
  public static ForecastSpec of(DpemConfig cfg) {
    AgentsConfig a = cfg.controller().agents();
    int step = stepEpochs(cfg.controller().epochMs());
    int season = seasonEpochs(cfg.workload(), cfg.controller().epochMs() * step);
    return new ForecastSpec(ForecasterFactory.of(a.forecaster(), season, a.seed()), GROUPS,
        a.forecastHorizon(), step);
  }

  /** The workload's period in steps of {@code epochMs} (its diurnal or mixed cycle); 1 when it has none. */
  public static int seasonEpochs(WorkloadConfig w, int epochMs) {
    double period = w.arrivals() instanceof DiurnalArrivals d ? d.periodS()
        : w.arrivals() instanceof MixedArrivals m ? m.periodS() : 0;
    return period <= 0 ? 1 : (int) Math.max(1, Math.round(period * 1000.0 / epochMs));
  }
}
