package org.dpem.controller.run;

import java.util.function.Function;
import java.util.function.LongFunction;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Policies;
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
 * @param policies a policy by name, with the parameters the config gives it
 * @param cycleS period of the workload's cycle, seconds (0: none), whose peak is the quarter
 *     period around its maximum
 * @param forecasts each node's forecaster, for policies that read forecasts
 */
public record Scenario(Topology topology, NetworkModel model, LongFunction<Arrivals> arrivals,
    String description, Function<String, AllocationPolicy> policies, double cycleS,
    ForecastSpec forecasts) {

  /** A scenario whose policies take their built-in parameters, without a cycle, whose nodes forecast with EWMA. */
  public Scenario(Topology topology, NetworkModel model, LongFunction<Arrivals> arrivals,
      String description) {
    this(topology, model, arrivals, description, Policies::create, 0, new ForecastSpec(
        ForecasterFactory.ewma(ForecasterFactory.EWMA_ALPHA), ForecastSpec.GROUPS, 8,
        ForecastSpec.stepEpochs(100)));
  }

  /**
   * Whether {@code seconds} falls in the cycle's peak: the quarter period centred on the maximum
   * of {@code 1 + a sin(2 pi t / P)}, i.e. t mod P in [P/8, 3P/8).
   */
  public boolean atPeak(double seconds) {
    if (cycleS <= 0) {
      return false;
    }
    double phase = (seconds % cycleS) / cycleS;
    return phase >= 0.125 && phase < 0.375;
  }

  /** The same scenario whose policies come from {@code policies} (e.g. a policy being trained). */
  public Scenario withPolicies(Function<String, AllocationPolicy> policies) {
    return new Scenario(topology, model, arrivals, description, policies, cycleS, forecasts);
  }
}
