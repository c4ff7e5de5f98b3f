package org.dpem.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The whole-network benchmark runs, is deterministic and conserves requests. */
class NetworkBenchmarkTest {
  @Test
  void tenSimulatedMinutesOfThePaperNetwork() {
    NetworkBenchmark.Params p = new NetworkBenchmark.Params(1, 600, 1.0, 0.5, 30, 300, 0.5, 1.0);
    NetworkBenchmark.Result a = NetworkBenchmark.run(p);
    NetworkBenchmark.Result b = NetworkBenchmark.run(p);
    assertThat(a.events()).isEqualTo(b.events()).isGreaterThan(100_000);
    assertThat(a.pairsDelivered()).isEqualTo(b.pairsDelivered()).isPositive();
    assertThat(a.allocationsAccepted() + a.allocationsRefused()).isEqualTo(30);
    assertThat((double) a.requests()).isBetween(600 - 4 * Math.sqrt(600) * 1.5, 600 + 4 * Math.sqrt(600) * 1.5);
    assertThat(a.pairsServed()).isLessThanOrEqualTo(a.pairsRequested());
    assertThat(a.heap()).hasSize(2);
    assertThat(a.meanDeliveredFidelity()).isBetween(0.25, 0.95);
  }

  @Test
  void theWholeNetworkIsDeterministicByteForByte() {
    NetworkBenchmark.Params p = new NetworkBenchmark.Params(4, 120, 2.0, 0.5, 30, 0, 0.5, 1.0);
    org.dpem.sim.engine.ByteTrace t1 = org.dpem.sim.engine.ByteTrace.digestOnly();
    org.dpem.sim.engine.ByteTrace t2 = org.dpem.sim.engine.ByteTrace.digestOnly();
    NetworkBenchmark.run(p, t1);
    NetworkBenchmark.run(p, t2);
    assertThat(t1.records()).isGreaterThan(10_000).isEqualTo(t2.records());
    assertThat(t1.sha256()).isEqualTo(t2.sha256());
    org.dpem.sim.engine.ByteTrace t3 = org.dpem.sim.engine.ByteTrace.digestOnly();
    NetworkBenchmark.run(new NetworkBenchmark.Params(5, 120, 2.0, 0.5, 30, 0, 0.5, 1.0), t3);
    assertThat(t3.sha256()).isNotEqualTo(t1.sha256());
  }
}
