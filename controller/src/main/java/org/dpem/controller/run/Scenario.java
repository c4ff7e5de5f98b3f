package org.dpem.controller.run;

import java.util.function.LongFunction;
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
 */
public record Scenario(Topology topology, NetworkModel model, LongFunction<Arrivals> arrivals,
    String description) {}
