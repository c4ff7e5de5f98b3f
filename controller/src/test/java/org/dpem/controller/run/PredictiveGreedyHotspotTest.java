package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dpem.controller.loop.ControlLoop;
import org.dpem.controller.loop.HalCommander;
import org.dpem.controller.loop.LoopSettings;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.metrics.Summary;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.policy.PredictiveGreedyPolicy;
import org.dpem.controller.request.Request;
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

/**
 * A persistent hotspot: the same one-hop pair asks for 4 pairs every 4 s with a 1.5 s deadline,
 * more than the link generates in that time on demand (about 2.8 heralds/s). Stocking the link
 * between requests is the only way to serve it in time; both policies run the same arrivals on
 * the same seed, and their delivery rates are measured.
 */
class PredictiveGreedyHotspotTest {
  static final double SECONDS = 120;

  static Summary run(AllocationPolicy policy, long seed) {
    // 10 km links at 0.2 dB/km, 10 attempts/s, T = 10 s, 10 slots, F0 = 0.95
    Topology topo = Lattices.chain(2, 10, 0.2, 10, 5, NodeTemplate.defaults().withCoherence(10));
    NetworkModel model = ScenarioBuilder.model(topo);
    SimEngine engine = new SimEngine(seed);
    SimNetwork net = new SimNetwork(engine, topo, NetworkOptions.quiet());
    ControlLoop loop = new ControlLoop(model, net, engine.timeBase(), LoopSettings.of(100, 4),
        policy, new RunMetrics(new SimpleMeterRegistry()), null, new HalCommander(net, model));
    loop.start();
    NodeId src = NodeId.of(topo.nodes().get(0).id());
    NodeId dst = NodeId.of(topo.nodes().get(1).id());
    for (double t = 1; t < SECONDS; t += 4) {
      double at = t;
      engine.timeBase().schedule(TimeBase.nanos(at), () -> loop.submitNow(
          new Request.Spec(src, dst, 0.8, 4, TimeBase.nanos(at + 1.5), 0)));
    }
    engine.runUntil(TimeBase.nanos(SECONDS + 2));
    loop.close();
    return loop.metrics().summary();
  }

  @Test
  void predictiveGreedyStocksTheHotspotAndDeliversMoreThanGreedy() {
    for (long seed = 1; seed <= 2; seed++) {
      Summary greedy = run(new GreedyPolicy(), seed);
      Summary predictive = run(new PredictiveGreedyPolicy(), seed);
      System.err.printf("hotspot seed %d: greedy delivery %.3f (%d/%d), predictive-greedy %.3f"
          + " (%d/%d), stocked %d used %d wasted %d%n", seed, greedy.deliveryRate(),
          greedy.pairsDelivered(), greedy.pairsRequested(), predictive.deliveryRate(),
          predictive.pairsDelivered(), predictive.pairsRequested(), predictive.stockedPairs(),
          predictive.stockedPairsUsed(), predictive.stockedPairsWasted());
      assertThat(greedy.stockedPairs()).as("greedy orders no stock").isZero();
      assertThat(predictive.pairsRequested()).isEqualTo(greedy.pairsRequested());
      assertThat(predictive.stockedPairsUsed()).as("stock handed over").isPositive();
      assertThat(predictive.stockedPairsUsed()).isLessThanOrEqualTo(predictive.stockedPairs());
      assertThat(predictive.deliveryRate()).as("seed %d", seed).isGreaterThan(greedy.deliveryRate());
      // no pair below the floor counted
      assertThat(predictive.p5Fidelity()).isGreaterThanOrEqualTo(0.8);
    }
  }
}
