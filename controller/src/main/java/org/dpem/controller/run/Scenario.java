package org.dpem.controller.run;

import java.util.function.Function;
import java.util.function.LongFunction;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Policies;
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
 */
public record Scenario(Topology topology, NetworkModel model, LongFunction<Arrivals> arrivals,
    String description, Function<String, AllocationPolicy> policies) {

  /** A scenario whose policies take their built-in parameters. */
  public Scenario(Topology topology, NetworkModel model, LongFunction<Arrivals> arrivals,
      String description) {
    this(topology, model, arrivals, description, Policies::create);
  }
}
