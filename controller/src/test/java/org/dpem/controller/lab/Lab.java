package org.dpem.controller.lab;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import org.dpem.controller.topology.LinkInfo;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.NodeInfo;
import org.dpem.hal.AllocationId;
import org.dpem.hal.BellStateAnalyzer;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.PairSource;
import org.dpem.hal.Parameters;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.SimpleNode;
import org.dpem.hal.TrustedNode;
import org.dpem.hal.command.AnalyzerCommand;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.event.DeviceEventListener;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.hal.time.TimeBase;

/**
 * A tiny in-test network of hal devices on a given time base. While an allocation has a source
 * enabled, the analyzer that was armed for it last (the verifier, in the controller's sequence)
 * reports one delivered pair of fidelity {@link #fidelity} every {@link #intervalNanos}.
 */
public final class Lab implements DeviceDirectory {
  final TimeBase time;
  private final Map<NodeId, SimpleNode> nodes = new LinkedHashMap<>();
  private final Map<DeviceId, LabDevice> devices = new LinkedHashMap<>();
  private final Map<Long, LabDevice> verifier = new HashMap<>();
  private final Set<Long> producing = new HashSet<>();
  private final List<DeviceEventListener> listeners = new ArrayList<>();
  public volatile double fidelity = 0.9;
  public volatile long intervalNanos = 100_000_000L;
  /** Refuses commands the predicate matches (BUSY). */
  public volatile BiPredicate<Device, DeviceCommand> refusal = (d, c) -> false;
  /**
   * How long after acknowledging GO_SAFE a device reports SAFE, as a wire device does on its next
   * heartbeat; {@link Long#MAX_VALUE}: never.
   */
  public volatile long safeLagNanos;

  public Lab(TimeBase time, NetworkModel model) {
    this.time = time;
    for (NodeInfo n : model.nodes()) {
      List<Device> own = new ArrayList<>();
      own.add(new Source(n));
      own.add(new Memory(n));
      own.add(new Analyzer(n));
      for (Device d : own) {
        devices.put(d.id(), (LabDevice) d);
      }
      nodes.put(n.id(), new SimpleNode(n.id(), own));
    }
  }

  /** A model of {@code n} nodes in a line plus extra links, all alike. */
  public static NetworkModel model(int n, int[][] extraLinks, double rate, double swap, int slots) {
    return model(n, n, extraLinks, rate, swap, slots);
  }

  /** Nodes n0..n(n-1); the first {@code line} form a line of 10 km links; extra links are 20 km. */
  public static NetworkModel model(int n, int line, int[][] extraLinks, double rate, double swap,
      int slots) {
    List<NodeInfo> ns = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ns.add(new NodeInfo(NodeId.of("n" + i), rate, swap, slots, 10.0, 0.98, 0.9));
    }
    List<LinkInfo> ls = new ArrayList<>();
    for (int i = 0; i + 1 < line; i++) {
      ls.add(new LinkInfo(NodeId.of("n" + i), NodeId.of("n" + (i + 1)), 10, 0.3, 0.97));
    }
    for (int[] e : extraLinks) {
      ls.add(new LinkInfo(NodeId.of("n" + e[0]), NodeId.of("n" + e[1]), 20, 0.2, 0.97));
    }
    return new NetworkModel(ns, ls);
  }

  boolean refuse(Device d, DeviceCommand c) {
    return !c.towardsRest() && refusal.test(d, c);
  }

  void onCommand(LabDevice d, DeviceCommand c) {
    long a = c.allocation().value();
    if (c instanceof AnalyzerCommand.Arm) {
      verifier.put(a, d);
    } else if (c instanceof SourceCommand.Enable && producing.add(a)) {
      time.schedule(intervalNanos, () -> produce(a));
    } else if (c instanceof SourceCommand.Disable || c instanceof AnalyzerCommand.Disarm) {
      producing.remove(a);
    } else if (c instanceof org.dpem.hal.command.GoSafe) {
      producing.clear();
    }
  }

  private void produce(long a) {
    if (!producing.contains(a)) {
      return;
    }
    LabDevice v = verifier.get(a);
    if (v != null && v.state().usable()) {
      v.send(new DeviceEvent.PairDelivered(time.nowNanos(), v.id(), AllocationId.of(a), v.node(),
          v.node(), fidelity));
    }
    time.schedule(intervalNanos, () -> produce(a));
  }

  /** Every command any device received, in order per device. */
  public List<DeviceCommand> commands(String deviceId) {
    return List.copyOf(devices.get(DeviceId.of(deviceId)).received);
  }

  /** Sets a device's state, as a fault or a lost link would. */
  public void setState(String deviceId, DeviceState s) {
    devices.get(DeviceId.of(deviceId)).become(s, "set by test");
  }

  @Override
  public Collection<SimpleNode> nodes() {
    return nodes.values();
  }

  @Override
  public Optional<? extends TrustedNode> node(NodeId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  @Override
  public Optional<Device> device(DeviceId id) {
    return Optional.ofNullable(devices.get(id));
  }

  @Override
  public Subscription subscribe(DeviceEventListener listener) {
    List<Subscription> subs = new ArrayList<>();
    for (LabDevice d : devices.values()) {
      subs.add(d.subscribe(listener));
    }
    return () -> subs.forEach(Subscription::close);
  }

  private final class Source extends LabDevice implements PairSource {
    private final double max;

    Source(NodeInfo n) {
      super(Lab.this, n.id(), DeviceKind.SOURCE,
          Limits.of(Limit.range(Parameters.RATE, 0, n.generationRate(), "pairs/s")));
      this.max = n.generationRate();
    }

    @Override
    public SourceReading reading() {
      return new SourceReading(false, null, max, 0.98);
    }
  }

  private final class Memory extends LabDevice implements QuantumMemory {
    private final NodeInfo n;

    Memory(NodeInfo n) {
      super(Lab.this, n.id(), DeviceKind.MEMORY, Limits.of(
          Limit.range(Parameters.SLOTS, 0, n.memorySlots(), "slots"),
          Limit.range(Parameters.SWAP_RATE, 0, n.swapCapacity(), "swaps/s")));
      this.n = n;
    }

    @Override
    public int slotCount() {
      return n.memorySlots();
    }

    @Override
    public int freeSlots() {
      return n.memorySlots();
    }

    @Override
    public double coherenceTimeSeconds() {
      return n.coherenceTimeS();
    }

    @Override
    public double swapCapacityPerSecond() {
      return n.swapCapacity();
    }
  }

  private final class Analyzer extends LabDevice implements BellStateAnalyzer {
    Analyzer(NodeInfo n) {
      super(Lab.this, n.id(), DeviceKind.ANALYZER,
          Limits.of(Limit.range(Parameters.WINDOW, 1e-9, 1e-3, "s")));
    }

    @Override
    public double efficiency() {
      return 0.5;
    }
  }
}
