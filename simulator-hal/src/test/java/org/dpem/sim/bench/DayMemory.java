package org.dpem.sim.bench;

import org.dpem.sim.experiment.NetworkBenchmark;

/**
 * Runs the 100-node network for one simulated day and prints the heap in use after a full GC
 * every simulated hour, so memory flatness can be read off (run with a fixed heap, e.g.
 * {@code -Xmx512m}).
 */
public final class DayMemory {
  private DayMemory() {}

  public static void main(String[] args) {
    long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
    NetworkBenchmark.Result r = NetworkBenchmark.run(NetworkBenchmark.Params.paperDay(seed));
    System.out.println("simulated_s,wall_s,events,heap_used_kib");
    for (NetworkBenchmark.HeapSample s : r.heap()) {
      System.out.printf(java.util.Locale.ROOT, "%.0f,%.2f,%d,%.2f%n", s.simulatedSeconds(),
          s.wallSeconds(), s.events(), s.heapUsedBytes() / 1024.0);
    }
    System.out.printf(java.util.Locale.ROOT, "wall %.2f s, %d events, %.0f events/s, delivered %d, served %d of %d requested%n",
        r.wallSeconds(), r.events(), r.eventsPerSecond(), r.pairsDelivered(), r.pairsServed(), r.pairsRequested());
  }
}
