package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.request.Request;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.dpem.hal.time.TimeBase;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.NodeTemplate;
import org.dpem.sim.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An allocation delivers what it is granted: one request alone on an idle simulated chain, served
 * by greedy through the whole controller (plan, reserve, command, count), delivers its granted
 * rate within three standard errors. With the fluid plan (rate / Q heralds per link) a 6-hop
 * chain delivered about 0.56 of its grant.
 */
class IdleChainDeliveryTest {
  static final double WARMUP_S = 20;
  static final double WINDOW_S = 2000;
  static final int BATCHES = 20;

  @ParameterizedTest(name = "{0} hops")
  @ValueSource(ints = {2, 3, 4, 5, 6})
  void aSingleRequestOnAnIdleChainGetsItsGrant(int hops) {
    // 10 km links, sources of 10 attempts/s, swaps 5/s, q = 0.9; memories that keep pairs long
    // enough that fidelity is not in question here, only rate
    Topology topo = Lattices.chain(hops, 10, 0.2, 10, 5, NodeTemplate.defaults().withCoherence(100));
    NetworkModel model = ScenarioBuilder.model(topo);
    SimEngine engine = new SimEngine(11 + hops);
    SimNetwork net = new SimNetwork(engine, topo, NetworkOptions.quiet());
    ControlLoop loop = new ControlLoop(model, net, engine.timeBase(), LoopSettings.of(100, 4),
        new GreedyPolicy(), new RunMetrics(new SimpleMeterRegistry()), null,
        new HalCommander(net, model));
    List<long[]> perEpoch = new ArrayList<>();
    loop.onEpoch(m -> perEpoch.add(new long[] {engine.timeBase().nowNanos(), m.pairsDelivered()}));
    loop.start();
    double wanted = 0.3;
    int pairs = 1_000_000;
    // greedy asks twice the rate that meets the deadline
    double deadline = 2 * pairs / wanted;
    engine.timeBase().schedule(0, () -> loop.submitNow(new Request.Spec(
        NodeId.of(topo.nodes().get(0).id()), NodeId.of(topo.nodes().get(hops).id()), 0.5, pairs,
        TimeBase.nanos(deadline), 0)));
    engine.runUntil(TimeBase.nanos(WARMUP_S + WINDOW_S));
    assertThat(loop.active).hasSize(1);
    Allocation a = loop.active.values().iterator().next();
    assertThat(a.path().hops()).isEqualTo(hops);
    double grant = a.rate();
    assertThat(grant).as("granted in full on an idle chain").isCloseTo(wanted, org.assertj.core.data.Percentage.withPercentage(1));

    double[] batch = new double[BATCHES];
    double batchS = WINDOW_S / BATCHES;
    long start = TimeBase.nanos(WARMUP_S);
    for (long[] e : perEpoch) {
      if (e[0] > start) {
        int b = (int) Math.min(BATCHES - 1, (e[0] - start - 1) / TimeBase.nanos(batchS));
        batch[b] += e[1];
      }
    }
    double mean = 0;
    for (int b = 0; b < BATCHES; b++) {
      batch[b] /= batchS;
      mean += batch[b] / BATCHES;
    }
    double var = 0;
    for (double r : batch) {
      var += (r - mean) * (r - mean) / (BATCHES - 1);
    }
    double se = Math.sqrt(var / BATCHES);
    loop.close();
    assertThat(se).as("the measurement is precise enough to mean something").isLessThan(0.05 * grant);
    assertThat(Math.abs(mean - grant)).as("delivered %.4f pairs/s against a grant of %.4f (SE %.4f)",
        mean, grant, se).isLessThanOrEqualTo(3 * se);
  }
}
