package org.dpem.sim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.sim.experiment.ChainSetup;
import org.dpem.sim.experiment.LinkParams;
import org.dpem.sim.network.SimNetwork;

/**
 * The busy single link of {@link EngineBenchmark}, measured per wall second and per CPU second
 * of the engine thread: on a shared machine the second says what one core does, the first what
 * this run got. Prints one line per round of 2 simulated seconds and the medians of the last 8.
 */
public final class BusyLinkCpu {
  private BusyLinkCpu() {}

  public static void main(String[] args) {
    LinkParams p = new LinkParams(10, 0.2, 1_000_000, 0.95, 0.9, 0.5, 1.0, 0, 1, 1, 0, 1e-9);
    SimNetwork net = ChainSetup.network(ChainSetup.topology(p, 1, 64, 1, 1), 1);
    AllocationId a = AllocationId.of(1);
    long dl = Long.MAX_VALUE;
    NodeId n0 = NodeId.of("n0");
    NodeId n1 = NodeId.of("n1");
    net.memoryAt(n0).reserve(a, dl, 64, List.of(n1));
    net.memoryAt(n1).reserve(a, dl, 64, List.of(n0));
    net.analyzerAt(n1).arm(a, dl, n0, 1e-9);
    net.sourceAt(n0).enable(a, dl, n1, 1_000_000);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    List<Double> wall = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    for (int round = 0; round < 12; round++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      long n = net.engine().runFor(2_000_000_000L);
      double w = (System.nanoTime() - t0) / 1e9;
      double c = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
      System.out.printf(Locale.ROOT, "round %2d: %.2f M events/s wall, %.2f M events/s cpu%n", round,
          n / w / 1e6, n / c / 1e6);
      if (round >= 4) {
        wall.add(n / w / 1e6);
        cpu.add(n / c / 1e6);
      }
    }
    System.out.printf(Locale.ROOT, "median of last 8: %.2f M events/s wall, %.2f M events/s per CPU second%n",
        median(wall), median(cpu));
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    s.sort(null);
    return (s.get(s.size() / 2) + s.get((s.size() - 1) / 2)) / 2;
  }
}
