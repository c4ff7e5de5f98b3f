package org.dpem.controller.run;

import java.util.function.LongFunction;
import org.dpem.controller.forecast.ForecastSpec;
import org.dpem.controller.forecast.ForecasterFactory;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.sim.topology.Topology;

/**
 * A simulated scenario ready to run: the simulator's topology, the controller's view of it, and
 * a source of requests for a given seed.
 *
 * @param topology what the simulator builds devices and links from
 * @param model the same network as the controller routes on
 * @param arrivals requests for a seed, in arrival order
 * @param description one line for logs
 * @param forecasts each node's forecaster, for policies that read forecasts
 */
public record Scenario(Topology topology, NetworkModel model, LongFunction<Arrivals> arrivals,
    String description, ForecastSpec forecasts) {
  /** A scenario whose nodes forecast with EWMA. */
  public Scenario(Topology topology, NetworkModel model, LongFunction<Arrivals> arrivals,
      String description) {
    this(topology, model, arrivals, description, new ForecastSpec(
        ForecasterFactory.ewma(ForecasterFactory.EWMA_ALPHA), ForecastSpec.GROUPS, 8,
        ForecastSpec.stepEpochs(100)));
  }
}
