package org.dpem.controller.federation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.learning.federated.DpFedAvg;
import org.dpem.learning.federated.FedAvgSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One federation round for 100 agents with a 10,000-parameter model (the size of a 64-64
 * actor-critic), in process and over the embedded broker: wall time from opening the round to
 * closing it with all 100 updates, and bytes on the wire (counted by a TCP relay in front of the
 * broker, both directions, MQTT framing included). Local training is left out (each agent adds a
 * small step to the global weights): this measures federation, not learning. Run with
 * {@code mvn -o -q -B -pl controller -am test -Dtest=FederationBench -Ddpem.bench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "dpem.bench", matches = "true")
class FederationBench {
  private static final int AGENTS = 100;
  private static final int DIMS = 10_000;
  private static final int WARMUP = 3;
  private static final int ROUNDS = 15;

  @Test
  void inProcess() throws Exception {
    try (InProcessTransport t = new InProcessTransport()) {
      report("in process (nothing on a wire)", run(t, () -> t, () -> 0L));
    }
  }

  @Test
  void overTheEmbeddedBroker() throws Exception {
    List<String> ids = ids();
    FederationKeys keys = Keys.of(ids);
    try (EmbeddedBroker broker = EmbeddedBroker.start(0); CountingProxy proxy = new CountingProxy(broker.port())) {
      MqttSettings s = MqttSettings.of(proxy.url(), "bench");
      MqttFederationTransport aggregator = new MqttFederationTransport(s, "dpem", keys);
      List<MqttFederationTransport> agentEnds = new ArrayList<>();
      long[] bytes = run(aggregator, () -> {
        MqttFederationTransport a = new MqttFederationTransport(s, "dpem", keys);
        agentEnds.add(a);
        return a;
      }, proxy::total);
      report("embedded broker", bytes);
      agentEnds.forEach(MqttFederationTransport::close);
      aggregator.close();
    }
  }

  private static List<String> ids() {
    return IntStream.range(0, AGENTS).mapToObj(i -> "n" + i).toList();
  }

  /** Runs the rounds; returns per-round wall nanos followed by per-round wire bytes. */
  private static long[] run(FederationTransport aggregatorSide, java.util.function.Supplier<FederationTransport> agentSide,
      java.util.function.LongSupplier wire) throws Exception {
    List<String> ids = ids();
    DpFedAvg fedAvg = new DpFedAvg(FedAvgSettings.of(1.0, 1.0, 1.0, 1e-5), new float[DIMS]);
    CountDownLatch[] done = new CountDownLatch[1];
    FederationTransport.AggregatorEnd end = aggregatorSide.openAggregator(u -> {
      fedAvg.offer(u);
      if (fedAvg.complete()) {
        done[0].countDown();
      }
    }, null);
    List<FederationAgent> agents = new ArrayList<>();
    for (String id : ids) {
      agents.add(new FederationAgent(id, (g, r) -> {
        float[] w = g.clone();
        w[(int) (r % DIMS)] += 0.01f;
        return w;
      }, 1.0, agentSide.get()).start());
    }
    Thread.sleep(Duration.ofSeconds(2).toMillis()); // every client connected and subscribed
    long[] out = new long[2 * ROUNDS];
    for (int i = 0; i < WARMUP + ROUNDS; i++) {
      done[0] = new CountDownLatch(1);
      long bytes0 = wire.getAsLong();
      long t0 = System.nanoTime();
      DpFedAvg.Round r = fedAvg.open(ids).orElseThrow();
      end.announce(new RoundAnnouncement(r.id(), r.participants(), r.weights(), 60_000));
      if (!done[0].await(60, TimeUnit.SECONDS)) {
        throw new AssertionError("round " + i + " incomplete");
      }
      fedAvg.close();
      long t1 = System.nanoTime();
      Thread.sleep(300); // let acknowledgements and the relay settle before reading the byte count
      if (i >= WARMUP) {
        out[i - WARMUP] = t1 - t0;
        out[ROUNDS + i - WARMUP] = wire.getAsLong() - bytes0;
      }
    }
    return out;
  }

  private static void report(String what, long[] r) {
    long[] wall = Arrays.copyOfRange(r, 0, ROUNDS);
    long[] bytes = Arrays.copyOfRange(r, ROUNDS, 2 * ROUNDS);
    Arrays.sort(wall);
    Arrays.sort(bytes);
    System.out.printf(Locale.ROOT, "federation round, %d agents x %d parameters, %s: wall median %.1f ms "
            + "(min %.1f, max %.1f) over %d rounds; bytes on the wire median %d (%.2f MB)%n", AGENTS, DIMS, what,
        wall[ROUNDS / 2] / 1e6, wall[0] / 1e6, wall[ROUNDS - 1] / 1e6, ROUNDS, bytes[ROUNDS / 2],
        bytes[ROUNDS / 2] / 1e6);
  }
}
