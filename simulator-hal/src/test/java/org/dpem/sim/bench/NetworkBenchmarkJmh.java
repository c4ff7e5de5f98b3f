package org.dpem.sim.bench;

import java.util.concurrent.TimeUnit;
import org.dpem.sim.experiment.NetworkBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Wall time of one simulated hour of the paper's 100-node network (target: under 10 s). */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class NetworkBenchmarkJmh {
  @Benchmark
  public NetworkBenchmark.Result paperHour() {
    return NetworkBenchmark.run(NetworkBenchmark.Params.paperHour(1));
  }
}
