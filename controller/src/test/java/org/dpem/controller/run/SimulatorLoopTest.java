package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dpem.controller.loop.ControlLoop;
import org.dpem.controller.loop.HalCommander;
import org.dpem.controller.loop.LoopSettings;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.dpem.hal.time.TimeBase;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.NodeTemplate;
import org.dpem.sim.topology.Topology;
import org.junit.jupiter.api.Test;

/** The control loop against the real simulated network, following its command sequence. */
class SimulatorLoopTest {
  TrackedRequest runChain(int hops, double floor, int pairs, double deadlineS) {
    Topology topo = Lattices.chain(hops, 10, 0.2, 10, 5, NodeTemplate.defaults());
    NetworkModel model = ScenarioBuilder.model(topo);
    SimEngine engine = new SimEngine(3);
    SimNetwork net = new SimNetwork(engine, topo, NetworkOptions.quiet());
    ControlLoop loop = new ControlLoop(model, net, engine.timeBase(), LoopSettings.of(100, 4),
        new GreedyPolicy(), new RunMetrics(new SimpleMeterRegistry()), null,
        new HalCommander(net, model));
    if (Boolean.getBoolean("dpem.debugEvents")) {
      net.subscribe(e -> System.err.println("EVENT " + e));
    }
    loop.start();
    TrackedRequest[] t = new TrackedRequest[1];
    engine.timeBase().schedule(0, () -> t[0] = loop.submitNow(new Request.Spec(
        NodeId.of(topo.nodes().get(0).id()), NodeId.of(topo.nodes().get(hops).id()), floor, pairs,
        TimeBase.nanos(deadlineS), 0)));
    engine.runUntil(TimeBase.nanos(deadlineS + 1));
    loop.close();
    return t[0];
  }

  @Test
  void oneHopDelivers() {
    TrackedRequest t = runChain(1, 0.8, 3, 10);
    assertThat(t.state()).isEqualTo(RequestState.DELIVERED);
    assertThat(t.meanFidelity()).isBetween(0.9, 0.95);
  }

  @Test
  void twoHopsDeliverThroughASwap() {
    TrackedRequest t = runChain(2, 0.6, 2, 20);
    assertThat(t.state()).as(t.detail()).isEqualTo(RequestState.DELIVERED);
    assertThat(t.meanFidelity()).isBetween(0.6, 0.9);
  }

  @Test
  void threeHopsDeliverThroughTwoSwaps() {
    TrackedRequest t = runChain(3, 0.35, 2, 30);
    assertThat(t.state()).as(t.detail()).isEqualTo(RequestState.DELIVERED);
  }
}
