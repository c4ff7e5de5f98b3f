package org.dpem.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.dpem.sim.topology.LinkSpec;
import org.dpem.sim.topology.NodeSpec;
import org.dpem.sim.topology.Topology;

/**
 * Builds a chain of identical links from {@link LinkParams} and commands one allocation along
 * it through the HAL, exactly as the controller would (see the network package's command
 * sequence). Shared by the link and chain experiments and by tests.
 */
public final class ChainSetup {
  private ChainSetup() {}

  /** The chain's topology: nodes n0..n{hops}, sources and memories as the params say. */
  public static Topology topology(LinkParams p, int hops, int slotsPerSide, double swapSuccess,
      double swapCapacity) {
    List<NodeSpec> nodes = new ArrayList<>();
    List<LinkSpec> links = new ArrayList<>();
    for (int i = 0; i <= hops; i++) {
      int sides = (i == 0 || i == hops) ? 1 : 2;
      nodes.add(new NodeSpec("n" + i, i * p.lengthKm(), 0,
          new NodeSpec.SourceSpec(p.sourceRatePairsPerSecond(), p.sourceFidelity()),
          NodeSpec.MemorySpec.depolarizing(sides * slotsPerSide, p.coherenceTimeSeconds(),
              swapCapacity, swapSuccess),
          new NodeSpec.AnalyzerSpec(p.analyzerEfficiency(), p.detectorEfficiency(),
              p.darkCountsPerSecond())));
      if (i > 0) {
        links.add(new LinkSpec("n" + (i - 1), "n" + i, p.lengthKm(), p.attenuationDbPerKm()));
      }
    }
    return new Topology(nodes, links);
  }

  /** A quiet network (no telemetry) on a fresh engine. */
  public static SimNetwork network(Topology t, long seed) {
    return new SimNetwork(new SimEngine(seed), t, NetworkOptions.quiet());
  }

  /**
   * Commands allocation {@code a} along n0..n{hops}: reserve, swap rules, arms, then sources.
   *
   * @throws IllegalStateException naming the command that was refused
   */
  public static void allocate(SimNetwork net, AllocationId a, int hops, int slotsPerSide,
      double rate, double window) {
    long dl = Long.MAX_VALUE;
    for (int i = 0; i <= hops; i++) {
      List<NodeId> peers = new ArrayList<>();
      if (i > 0) {
        peers.add(n(i - 1));
      }
      if (i < hops) {
        peers.add(n(i + 1));
      }
      check(net.memoryAt(n(i)).reserve(a, dl, slotsPerSide * peers.size(), peers), "reserve at n" + i);
    }
    for (int i = 1; i < hops; i++) {
      check(net.memoryAt(n(i)).swap(a, dl, n(i - 1), n(i + 1)), "swap at n" + i);
    }
    for (int i = 1; i <= hops; i++) {
      check(net.analyzerAt(n(i)).arm(a, dl, n(i - 1), window), "arm at n" + i);
    }
    if (hops > 1) {
      check(net.analyzerAt(n(hops)).arm(a, dl, n(0), window), "verify arm at n" + hops);
    }
    for (int i = 0; i < hops; i++) {
      check(net.sourceAt(n(i)).enable(a, dl, n(i + 1), rate), "enable at n" + i);
    }
  }

  /** Stops every source of the chain. */
  public static void stopSources(SimNetwork net, AllocationId a, int hops) {
    for (int i = 0; i < hops; i++) {
      check(net.sourceAt(n(i)).disable(a, Long.MAX_VALUE), "disable at n" + i);
    }
  }

  static NodeId n(int i) {
    return NodeId.of("n" + i);
  }

  private static void check(java.util.concurrent.CompletionStage<CommandResult> s, String what) {
    CommandResult r = s.toCompletableFuture().join();
    if (!r.isOk()) {
      throw new IllegalStateException(what + " refused: " + r);
    }
  }
}
