package org.dpem.sim.network;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.PairSource;
import org.dpem.hal.Parameters;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.sim.topology.NodeSpec.SourceSpec;

/**
 * A simulated photon-pair source. It may serve several allocations at once (time or wavelength
 * multiplexed) as long as their rates add up to at most its {@code rate} limit, else BUSY; an
 * {@code enable} names an allocation and a neighbour (INVALID if there is no link to it) and
 * starts a Poisson emission process for that pair; enabling the same allocation and peer
 * again changes the rate (0 stops it). {@code disable} stops every process of the allocation
 * ({@code none}: all).
 */
public final class SimPairSource extends SimDevice implements PairSource {
  private final SourceSpec spec;
  final SplittableRandom random;
  private final List<LinkProcess> processes = new ArrayList<>();

  SimPairSource(SimNetwork net, NodeId node, SourceSpec spec) {
    super(new DeviceInfo(DeviceId.of(node.value() + ".source"), node, DeviceKind.SOURCE,
        "simulated SPDC pair source", "sim-1",
        Limits.of(Limit.range(Parameters.RATE, 0, spec.maxRatePairsPerSecond(), "pairs/s"))), net);
    this.spec = spec;
    this.random = net.engine().randoms().stream(id().value());
  }

  /** Initial fidelity of the pairs it makes. */
  public double fidelity() {
    return spec.fidelity();
  }

  @Override
  public SourceReading reading() {
    double rate = totalRate();
    NodeId peer = processes.isEmpty() ? null : processes.get(0).peer;
    return new SourceReading(rate > 0, peer, rate, spec.fidelity());
  }

  private double totalRate() {
    double r = 0;
    for (LinkProcess p : processes) {
      r += p.rate;
    }
    return r;
  }

  @Override
  CommandResult execute(DeviceCommand command) {
    if (command instanceof SourceCommand.Enable e) {
      return enable(e.allocation(), e.peer(), e.ratePairsPerSecond(), e);
    }
    if (command instanceof SourceCommand.Disable d) {
      if (d.allocation().equals(AllocationId.NONE)) {
        clearAll();
        return CommandResult.ok();
      }
      if (!stop(p -> p.allocation.equals(d.allocation()))) {
        return invalid(d, this, "allocation " + d.allocation() + " is not enabled here");
      }
      return CommandResult.ok();
    }
    if (command instanceof SetParameter s && s.parameter().equals(Parameters.RATE)) {
      LinkProcess only = null;
      for (LinkProcess p : processes) {
        if (p.allocation.equals(s.allocation())) {
          only = p;
        }
      }
      if (only == null) {
        return invalid(s, this, "set rate needs an allocation enabled here, got " + s.allocation());
      }
      return enable(only.allocation, only.peer, s.value(), s);
    }
    return unsupported(command, this);
  }

  private CommandResult enable(AllocationId a, NodeId peer, double rate, DeviceCommand c) {
    if (a.equals(AllocationId.NONE)) {
      return invalid(c, this, "enable needs an allocation id");
    }
    SimLink link = net.link(node(), peer);
    if (link == null) {
      return invalid(c, this, "no link from " + node() + " to " + peer);
    }
    LinkProcess existing = null;
    for (LinkProcess p : processes) {
      if (p.allocation.equals(a) && p.peer.equals(peer)) {
        existing = p;
      }
    }
    double others = totalRate() - (existing == null ? 0 : existing.rate);
    if (others + rate > spec.maxRatePairsPerSecond() + 1e-9) {
      return busy(c, this, "rate " + rate + " pairs/s for " + a + " does not fit: " + others
          + " of " + spec.maxRatePairsPerSecond() + " pairs/s already in use");
    }
    if (existing != null) {
      existing.stop();
      processes.remove(existing);
    }
    if (rate > 0) {
      LinkProcess p = new LinkProcess(net, this, a, peer, rate, link);
      processes.add(p);
      p.start();
    }
    return CommandResult.ok();
  }

  private boolean stop(java.util.function.Predicate<LinkProcess> which) {
    boolean any = false;
    for (Iterator<LinkProcess> it = processes.iterator(); it.hasNext(); ) {
      LinkProcess p = it.next();
      if (which.test(p)) {
        p.stop();
        it.remove();
        any = true;
      }
    }
    return any;
  }

  @Override
  void clearAll() {
    stop(p -> true);
  }

  @Override
  Map<String, Double> readings() {
    return Map.of("rate", totalRate(), "allocations", (double) processes.size());
  }
}
