package org.dpem.sim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.sim.engine.SimAction;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.experiment.ChainSetup;
import org.dpem.sim.experiment.LinkParams;
import org.dpem.sim.network.SimNetwork;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine core. {@code busyLink}: one link through the full device path (source emissions,
 * heralds, stored pairs, deliveries) at 10^6 pairs/s; {@code queueOnly}: the event queue alone
 * with 64 self-rescheduling processes. The {@code events} counter is events per second.
 *
 * <p>Run: {@code java -cp <test classpath> org.openjdk.jmh.Main EngineBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmark {

  /** Events counted as the benchmark's throughput. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;
  }

  /** A busy link, running. */
  @State(Scope.Thread)
  public static class BusyLink {
    SimNetwork net;

    @Setup(Level.Trial)
    public void setUp() {
      LinkParams p = new LinkParams(10, 0.2, 1_000_000, 0.95, 0.9, 0.5, 1.0, 0, 1, 1, 0, 1e-9);
      net = ChainSetup.network(ChainSetup.topology(p, 1, 64, 1, 1), 1);
      AllocationId a = AllocationId.of(1);
      long dl = Long.MAX_VALUE;
      net.memoryAt(NodeId.of("n0")).reserve(a, dl, 64, List.of(NodeId.of("n1")));
      net.memoryAt(NodeId.of("n1")).reserve(a, dl, 64, List.of(NodeId.of("n0")));
      net.analyzerAt(NodeId.of("n1")).arm(a, dl, NodeId.of("n0"), 1e-9);
      net.sourceAt(NodeId.of("n0")).enable(a, dl, NodeId.of("n1"), 1_000_000);
    }
  }

  /** 64 processes, each rescheduling itself after a pseudo-random delay (the hold model). */
  @State(Scope.Thread)
  public static class Queue {
    SimEngine engine;

    @Setup(Level.Trial)
    public void setUp() {
      engine = new SimEngine(1);
      for (int i = 0; i < 64; i++) {
        SimAction self = new SimAction() {
          long x = 0x9E3779B97F4A7C15L;

          @Override
          public void fire(long arg) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            engine.schedule(1 + (x & 0xFFFF), this, arg);
          }
        };
        engine.schedule(i, self, i);
      }
    }
  }

  /** One simulated millisecond of the busy link (about 1,300 events). */
  @Benchmark
  public long busyLink(BusyLink s, Events c) {
    SimEngine e = s.net.engine();
    long n = e.runFor(1_000_000);
    c.events += n;
    return n;
  }

  /** 10,000 events of the bare queue. */
  @Benchmark
  public long queueOnly(Queue s, Events c) {
    SimEngine e = s.engine;
    for (int i = 0; i < 10_000; i++) {
      e.step();
    }
    c.events += 10_000;
    return e.now();
  }
}
