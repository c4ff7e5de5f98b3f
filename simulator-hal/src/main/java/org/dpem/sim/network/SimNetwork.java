package org.dpem.sim.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dpem.hal.AllocationId;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.DeviceId;
import org.dpem.hal.NodeId;
import org.dpem.hal.SimpleNode;
import org.dpem.hal.TrustedNode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.event.DeviceEventListener;
import org.dpem.sim.engine.SimAction;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.topology.LinkSpec;
import org.dpem.sim.topology.NodeSpec;
import org.dpem.sim.topology.Topology;

/**
 * A simulated quantum network as a {@link DeviceDirectory}: one {@link SimPairSource},
 * {@link SimQuantumMemory} and {@link SimBellStateAnalyzer} per node (as its spec says), links
 * with generation processes, and delivery of end-to-end pairs. Everything runs on the engine's
 * thread; call devices from engine tasks (e.g. {@code timeBase().schedule}) or between runs.
 * See the package documentation for the command sequence of one allocation.
 */
public final class SimNetwork implements DeviceDirectory {
  private final SimEngine engine;
  private final Topology topology;
  private final NetworkOptions options;
  private final Map<NodeId, SimpleNode> nodes = new LinkedHashMap<>();
  private final Map<DeviceId, SimDevice> devices = new LinkedHashMap<>();
  private final Map<NodeId, SimPairSource> sources = new HashMap<>();
  private final Map<NodeId, SimQuantumMemory> memories = new HashMap<>();
  private final Map<NodeId, SimBellStateAnalyzer> analyzers = new HashMap<>();
  private final Map<NodeId, Map<NodeId, SimLink>> links = new HashMap<>();
  private final List<SimLink> linkList = new ArrayList<>();
  private final List<PairSink> sinks = new CopyOnWriteArrayList<>();
  private final NetworkStats stats = new NetworkStats();
  private final Faults faults = new Faults(this);
  private long configVersion;

  public SimNetwork(SimEngine engine, Topology topology, NetworkOptions options) {
    this.engine = engine;
    this.topology = topology;
    this.options = options;
    for (LinkSpec l : topology.links()) {
      SimLink link = new SimLink(l);
      linkList.add(link);
      links.computeIfAbsent(link.a(), k -> new HashMap<>()).put(link.b(), link);
      links.computeIfAbsent(link.b(), k -> new HashMap<>()).put(link.a(), link);
    }
    for (NodeSpec n : topology.nodes()) {
      NodeId id = NodeId.of(n.id());
      List<Device> own = new ArrayList<>();
      if (n.source() != null) {
        SimPairSource s = new SimPairSource(this, id, n.source());
        sources.put(id, s);
        own.add(s);
      }
      if (n.memory() != null) {
        SimQuantumMemory m = new SimQuantumMemory(this, id, n.memory());
        memories.put(id, m);
        own.add(m);
      }
      if (n.analyzer() != null) {
        SimBellStateAnalyzer a = new SimBellStateAnalyzer(this, id, n.analyzer());
        analyzers.put(id, a);
        own.add(a);
      }
      for (Device d : own) {
        devices.put(d.id(), (SimDevice) d);
      }
      nodes.put(id, new SimpleNode(id, own));
    }
    if (options.telemetryPeriodNanos() > 0) {
      engine.schedule(options.telemetryPeriodNanos(), new Telemetry(), 0);
    }
  }

  /** A network on its own engine seeded with {@code seed}, default options. */
  public static SimNetwork create(Topology topology, long seed) {
    return new SimNetwork(new SimEngine(seed), topology, NetworkOptions.defaults());
  }

  public SimEngine engine() {
    return engine;
  }

  public Topology topology() {
    return topology;
  }

  public NetworkOptions options() {
    return options;
  }

  public NetworkStats stats() {
    return stats;
  }

  /** Fault injection: device failure, loss, link cut, memory fault, slow acknowledgements. */
  public Faults faults() {
    return faults;
  }

  /** Receives every delivered pair as a live object (see {@link PairSink}). */
  public void addPairSink(PairSink sink) {
    sinks.add(sink);
  }

  @Override
  public Collection<SimpleNode> nodes() {
    return nodes.values();
  }

  @Override
  public Optional<SimpleNode> node(NodeId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  @Override
  public Optional<Device> device(DeviceId id) {
    return Optional.ofNullable(devices.get(id));
  }

  public SimPairSource sourceAt(NodeId node) {
    return sources.get(node);
  }

  public SimQuantumMemory memoryAt(NodeId node) {
    return memories.get(node);
  }

  public SimBellStateAnalyzer analyzerAt(NodeId node) {
    return analyzers.get(node);
  }

  /** The link between two nodes, or null. */
  public SimLink link(NodeId a, NodeId b) {
    Map<NodeId, SimLink> m = links.get(a);
    return m == null ? null : m.get(b);
  }

  public List<SimLink> links() {
    return List.copyOf(linkList);
  }

  /** Subscribes {@code listener} to the events of every device. */
  @Override
  public Subscription subscribe(DeviceEventListener listener) {
    List<Subscription> subs = new ArrayList<>();
    for (SimDevice d : devices.values()) {
      subs.add(d.subscribe(listener));
    }
    return () -> subs.forEach(Subscription::close);
  }

  long configVersion() {
    return configVersion;
  }

  void configChanged() {
    configVersion++;
  }

  Collection<SimDevice> simDevices() {
    return devices.values();
  }

  SimDevice simDevice(DeviceId id) {
    SimDevice d = devices.get(id);
    if (d == null) {
      throw new IllegalArgumentException("no device " + id + " in this network");
    }
    return d;
  }

  /** A pair's last message arrived: deliver it if it is end-to-end for its allocation. */
  void onComplete(Pair p) {
    if (!p.a.stored || !p.b.stored) {
      return;
    }
    if (p.a.reservation.swapsSide(p.a.sideIdx) || p.b.reservation.swapsSide(p.b.sideIdx)) {
      return;
    }
    // a stocked pair waits for a hand-over; one handed over at one end only is not yet whole
    if (p.a.reservation.stock || p.b.reservation.stock || !p.halvesAgree()) {
      return;
    }
    NodeId x = p.endA();
    NodeId y = p.endB();
    SimBellStateAnalyzer verifier = armedFor(p.allocation(), x, y);
    if (verifier == null) {
      verifier = armedFor(p.allocation(), y, x);
    }
    if (verifier == null) {
      return;
    }
    long now = engine.now();
    p.alive = false;
    p.a.memory.remove(p.a);
    p.b.memory.remove(p.b);
    double f = p.fidelityAt(now);
    stats.delivered(f);
    if (engine.tracing()) {
      engine.note("delivered " + x + "-" + y + " " + p.allocation(), f);
    }
    if (verifier.listened() || !sinks.isEmpty()) {
      DeviceEvent.PairDelivered e =
          new DeviceEvent.PairDelivered(now, verifier.id(), p.allocation(), x, y, f);
      verifier.publish(e);
      for (PairSink s : sinks) {
        s.delivered(p, e);
      }
    }
  }

  private SimBellStateAnalyzer armedFor(AllocationId a, NodeId at, NodeId peer) {
    SimBellStateAnalyzer an = analyzers.get(at);
    return an != null && !Double.isNaN(an.armedWindow(a, peer)) ? an : null;
  }

  /** After an arm: deliver complete pairs of {@code a} held at {@code node} that now qualify. */
  void recheckDeliveries(AllocationId a, NodeId node) {
    SimQuantumMemory m = memories.get(node);
    Reservation r = m == null ? null : m.reservation(a);
    if (r == null) {
      return;
    }
    List<Pair> complete = new ArrayList<>();
    for (var side : r.bySide) {
      for (Half h : side) {
        if (h.pair != null && h.pair.alive && h.pair.completeAt <= engine.now()) {
          complete.add(h.pair);
        }
      }
    }
    for (Pair p : complete) {
      if (p.alive) {
        onComplete(p);
      }
    }
  }

  private final class Telemetry implements SimAction {
    @Override
    public void fire(long arg) {
      long now = engine.now();
      for (SimDevice d : devices.values()) {
        if (d.listened() && d.usable()) {
          d.publish(new DeviceEvent.Telemetry(now, d.id(), d.readings()));
        }
      }
      engine.schedule(options.telemetryPeriodNanos(), this, 0);
    }
  }
}
