package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.AllocationId;
import org.dpem.hal.BellStateAnalyzer;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.PairSource;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.TrustedNode;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.safety.Limit;

/**
 * The command sequence for one allocation along path n_0 .. n_h:
 *
 * <ol>
 *   <li>every memory on the path reserves slots for the allocation: one towards its single
 *       neighbour at the ends, two (one per side) inside;
 *   <li>every inner memory gets the standing swap rule (left neighbour, right neighbour);
 *   <li>for each link, the analyzer at the receiving end (the end that does not generate) is
 *       armed towards the generating end to herald link pairs, and the analyzer at n_h is armed
 *       towards n_0 to verify end-to-end pairs (for one hop the herald arm at either end does);
 *   <li>last, each link's generating source is enabled towards the other end at the link's share
 *       of the allocation's generation ({@link Usage#attemptsPerLink}), so no pair is made before
 *       there is room to keep it.
 * </ol>
 *
 * This is the simulator's documented sequence (org.dpem.sim.network), except that a link's pairs
 * come from its generating end ({@link NetworkModel#generatingEnd}) rather than always from the
 * upstream node of the path; the simulator's link process serves either direction.
 * Stopping reverses it (disable, disarm, release); those commands go towards rest and are never
 * refused by limits or device state.
 *
 * <p>A link's stock is commanded the same way with one hop and no verifier: stock slots at both
 * ends, then the herald arm, then the source. A hand-over is one memory command per end of a
 * stocked link; sent right after an allocation's start, it reaches each memory after that
 * allocation's reserve (commands to one device are sent in order), and a refused one leaves the
 * pairs in stock.
 */
public final class HalCommander implements Commander {
  private final DeviceDirectory devices;
  private final NetworkModel model;

  public HalCommander(DeviceDirectory devices, NetworkModel model) {
    this.devices = devices;
    this.model = model;
  }

  @Override
  public CompletionStage<String> start(Allocation a, long deadline) {
    AllocationId id = a.halId();
    List<NodeId> path = a.path().nodes();
    int h = path.size() - 1;
    List<CompletableFuture<String>> acks = new ArrayList<>();
    try {
      for (int i = 0; i <= h; i++) {
        List<NodeId> peers = new ArrayList<>(2);
        if (i > 0) {
          peers.add(path.get(i - 1));
        }
        if (i < h) {
          peers.add(path.get(i + 1));
        }
        QuantumMemory mem = need(path.get(i), QuantumMemory.class);
        acks.add(track(mem, mem.reserve(id, deadline, peers.size(), peers)));
        if (i > 0 && i < h) {
          acks.add(track(mem, mem.swap(id, deadline, path.get(i - 1), path.get(i + 1))));
        }
      }
      int[] idx = a.path().nodeIndex();
      for (int j = 0; j < h; j++) {
        int gen = model.generatingEnd(model.linkBetween(idx[j], idx[j + 1]));
        int recv = gen == idx[j] ? idx[j + 1] : idx[j];
        BellStateAnalyzer an = need(model.node(recv).id(), BellStateAnalyzer.class);
        acks.add(track(an, an.arm(id, deadline, model.node(gen).id(), window(an))));
      }
      if (h > 1) {
        BellStateAnalyzer an = need(path.get(h), BellStateAnalyzer.class);
        acks.add(track(an, an.arm(id, deadline, path.get(0), window(an))));
      }
      enableSources(a, deadline, acks);
    } catch (MissingDevice e) {
      return CompletableFuture.completedFuture(e.getMessage());
    }
    return firstRefusal(acks);
  }

  @Override
  public CompletionStage<String> reRate(Allocation a, long deadline) {
    List<CompletableFuture<String>> acks = new ArrayList<>();
    try {
      enableSources(a, deadline, acks);
    } catch (MissingDevice e) {
      return CompletableFuture.completedFuture(e.getMessage());
    }
    return firstRefusal(acks);
  }

  @Override
  public CompletionStage<String> stock(StockCommand s, long deadline) {
    AllocationId id = AllocationId.of(s.holding());
    NodeId receiver = s.generator().equals(s.a()) ? s.b() : s.a();
    List<CompletableFuture<String>> acks = new ArrayList<>();
    try {
      QuantumMemory ma = need(s.a(), QuantumMemory.class);
      QuantumMemory mb = need(s.b(), QuantumMemory.class);
      acks.add(track(ma, ma.stock(id, deadline, s.slotsA(), s.b())));
      acks.add(track(mb, mb.stock(id, deadline, s.slotsB(), s.a())));
      PairSource src = need(s.generator(), PairSource.class);
      if (s.attemptsPerSecond() > 0) {
        BellStateAnalyzer an = need(receiver, BellStateAnalyzer.class);
        acks.add(track(an, an.arm(id, deadline, s.generator(), window(an))));
        acks.add(track(src, src.enable(id, deadline, receiver, clampRate(src, s.attemptsPerSecond()))));
      } else {
        // towards rest; a stock that never had generation is refused as "not enabled", harmlessly
        src.disable(id, deadline);
      }
    } catch (MissingDevice e) {
      return CompletableFuture.completedFuture(e.getMessage());
    }
    return firstRefusal(acks);
  }

  /**
   * Enables (or, again, re-rates) each link's generating source at the attempts per second the
   * allocation's {@link Usage} plans for that link.
   */
  private void enableSources(Allocation a, long deadline, List<CompletableFuture<String>> acks) {
    AllocationId id = a.halId();
    int[] idx = a.path().nodeIndex();
    double[] attempts = Usage.attemptsPerLink(model, a.path(), a.rate());
    for (int j = 0; j + 1 < idx.length; j++) {
      int gen = model.generatingEnd(model.linkBetween(idx[j], idx[j + 1]));
      NodeId peer = model.node(gen == idx[j] ? idx[j + 1] : idx[j]).id();
      PairSource src = need(model.node(gen).id(), PairSource.class);
      acks.add(track(src, src.enable(id, deadline, peer, clampRate(src, attempts[j]))));
    }
  }

  @Override
  public CompletionStage<Integer> handOver(Allocation a, long holding, NodeId at, NodeId peer,
      int pairs, double minFidelity, long deadline) {
    QuantumMemory m = devices.node(at).flatMap(n -> n.device(QuantumMemory.class)).orElse(null);
    if (m == null) {
      return CompletableFuture.completedFuture(0);
    }
    return m.handOver(a.halId(), deadline, AllocationId.of(holding), peer, pairs, minFidelity)
        .handle((r, ex) -> ex != null ? 0 : MemoryCommand.HandOver.moved(r));
  }

  private static CompletionStage<String> firstRefusal(List<CompletableFuture<String>> acks) {
    CompletableFuture<String> all = new CompletableFuture<>();
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).whenComplete((v, ex) -> {
      for (CompletableFuture<String> f : acks) {
        String why = f.join();
        if (why != null) {
          all.complete(why);
          return;
        }
      }
      all.complete(null);
    });
    return all;
  }

  /** The rate within the source's own limit: reservation keeps the sum within capacity. */
  private static double clampRate(PairSource src, double rate) {
    Limit l = src.limits().get(Parameters.RATE).orElse(null);
    if (l == null) {
      return rate;
    }
    double r = Math.max(l.min(), Math.min(l.max(), rate));
    if (l.step() > 0) {
      r = l.min() + Math.floor((r - l.min()) / l.step()) * l.step();
    }
    return r;
  }

  /** The narrowest coincidence window the analyzer allows (fewest false coincidences). */
  private static double window(BellStateAnalyzer an) {
    return an.limits().get(Parameters.WINDOW).map(Limit::min).orElse(1e-9);
  }

  @Override
  public void stop(Allocation a, long deadline) {
    release(a.id(), a.path().nodes().stream().map(NodeId::value).toList(), deadline);
  }

  @Override
  public void release(long allocationId, List<String> path, long deadline) {
    AllocationId id = AllocationId.of(allocationId);
    for (String n : path) {
      TrustedNode node = devices.node(NodeId.of(n)).orElse(null);
      if (node == null) {
        continue;
      }
      for (PairSource s : node.devices(PairSource.class)) {
        s.disable(id, deadline);
      }
      for (BellStateAnalyzer an : node.devices(BellStateAnalyzer.class)) {
        an.disarm(id, deadline);
      }
      for (QuantumMemory m : node.devices(QuantumMemory.class)) {
        m.release(id, deadline);
      }
    }
  }

  private <T extends Device> T need(NodeId node, Class<T> type) {
    TrustedNode n = devices.node(node).orElseThrow(() -> new MissingDevice("node " + node + " is not in the device directory"));
    return n.device(type).orElseThrow(() -> new MissingDevice("node " + node + " has no "
        + type.getSimpleName()));
  }

  private static CompletableFuture<String> track(Device d,
      CompletionStage<CommandResult> stage) {
    return stage.toCompletableFuture().handle((r, ex) -> {
      if (ex != null) {
        return d.id() + ": " + ex;
      }
      return r.isOk() ? null : r.toString();
    });
  }

  private static final class MissingDevice extends RuntimeException {
    MissingDevice(String m) {
      super(m, null, false, false);
    }
  }
}
