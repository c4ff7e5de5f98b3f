package org.dpem.sim.network;

import java.util.HashMap;
import java.util.Map;
import org.dpem.hal.AllocationId;
import org.dpem.hal.BellStateAnalyzer;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;
import org.dpem.hal.command.AnalyzerCommand;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.sim.topology.NodeSpec.AnalyzerSpec;

/**
 * A simulated Bell-state analyzer with its detectors. Armed for (allocation, peer) it heralds
 * the link pairs whose photons arrive from the neighbour {@code peer}, and verifies (delivers)
 * end-to-end pairs of the allocation between this node and {@code peer}. The coincidence
 * window sets the chance that a dark count fakes a herald. INVALID for an unknown peer node;
 * {@code disarm} drops every arm of the allocation ({@code none}: all).
 */
public final class SimBellStateAnalyzer extends SimDevice implements BellStateAnalyzer {
  /** Coincidence windows allowed, seconds. */
  public static final double MIN_WINDOW = 1e-12;
  public static final double MAX_WINDOW = 1e-3;

  private final AnalyzerSpec spec;
  private final Map<AllocationId, Map<NodeId, Double>> arms = new HashMap<>();

  SimBellStateAnalyzer(SimNetwork net, NodeId node, AnalyzerSpec spec) {
    super(new DeviceInfo(DeviceId.of(node.value() + ".analyzer"), node, DeviceKind.ANALYZER,
        "simulated linear-optics BSA", "sim-1",
        Limits.of(Limit.range(Parameters.WINDOW, MIN_WINDOW, MAX_WINDOW, "s"))), net);
    this.spec = spec;
  }

  @Override
  public double efficiency() {
    return spec.efficiency();
  }

  public AnalyzerSpec spec() {
    return spec;
  }

  /** The window armed for (allocation, peer), or NaN if not armed or not usable. */
  double armedWindow(AllocationId a, NodeId peer) {
    if (!usable()) {
      return Double.NaN;
    }
    Map<NodeId, Double> m = arms.get(a);
    Double w = m == null ? null : m.get(peer);
    return w == null ? Double.NaN : w;
  }

  @Override
  CommandResult execute(DeviceCommand command) {
    if (command instanceof AnalyzerCommand.Arm a) {
      if (a.allocation().equals(AllocationId.NONE)) {
        return invalid(a, this, "arm needs an allocation id");
      }
      if (a.peer().equals(node()) || net.node(a.peer()).isEmpty()) {
        return invalid(a, this, "peer " + a.peer() + " is not another node of the network");
      }
      arms.computeIfAbsent(a.allocation(), k -> new HashMap<>()).put(a.peer(), a.windowSeconds());
      net.engine().schedule(0, x -> net.recheckDeliveries(a.allocation(), node()), 0);
      return CommandResult.ok();
    }
    if (command instanceof AnalyzerCommand.Disarm d) {
      if (d.allocation().equals(AllocationId.NONE)) {
        arms.clear();
        return CommandResult.ok();
      }
      if (arms.remove(d.allocation()) == null) {
        return invalid(d, this, "allocation " + d.allocation() + " is not armed here");
      }
      return CommandResult.ok();
    }
    return unsupported(command, this);
  }

  @Override
  void clearAll() {
    arms.clear();
  }

  @Override
  Map<String, Double> readings() {
    return Map.of("armed_allocations", (double) arms.size());
  }
}
