package org.dpem.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.physics.BellDiagonal;
import org.dpem.sim.physics.Decay;
import org.dpem.sim.topology.LinkSpec;
import org.dpem.sim.topology.NodeSpec;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.NodeTemplate;
import org.dpem.sim.topology.Topology;
import org.junit.jupiter.api.Test;

/** Command semantics, result codes and event timing of the simulated devices through the HAL. */
class SimNetworkTest {
  static final long FOREVER = Long.MAX_VALUE;
  static final AllocationId A1 = AllocationId.of(1);
  static final AllocationId A2 = AllocationId.of(2);
  static final NodeId N0 = NodeId.of("n0");
  static final NodeId N1 = NodeId.of("n1");
  static final NodeId N2 = NodeId.of("n2");

  final List<DeviceEvent> events = new ArrayList<>();

  /** n0 - n1 - n2, 100 km links without loss (tau = 0.5 ms), 4 slots per memory, 10 pairs/s. */
  SimNetwork chain() {
    Topology t = Lattices.chain(2, 100, 0.0, 10, 5, NodeTemplate.defaults().withSlots(4).withCoherence(10));
    SimNetwork net = new SimNetwork(new SimEngine(3), t, NetworkOptions.quiet());
    net.subscribe(events::add);
    return net;
  }

  static CommandResult r(CompletionStage<CommandResult> s) {
    return s.toCompletableFuture().join();
  }

  @Test
  void slotsAreCountedAndOverReservationIsBusy() {
    SimNetwork net = chain();
    QuantumMemory m = net.memoryAt(N1);
    assertThat(r(m.reserve(A1, FOREVER, 3, List.of(N0, N2))).code()).isEqualTo(ResultCode.OK);
    assertThat(m.freeSlots()).isEqualTo(1);
    CommandResult busy = r(m.reserve(A2, FOREVER, 2, List.of(N0, N2)));
    assertThat(busy.code()).isEqualTo(ResultCode.BUSY);
    assertThat(busy.detail()).contains("2 slots asked", "1 available");
    assertThat(r(m.reserve(A1, FOREVER, 4, List.of(N0, N2))).code()).isEqualTo(ResultCode.OK);
    assertThat(m.freeSlots()).isZero();
    assertThat(r(m.release(A1, FOREVER)).code()).isEqualTo(ResultCode.OK);
    assertThat(m.freeSlots()).isEqualTo(4);
  }

  @Test
  void meaninglessCommandsAreInvalidAndOutOfLimitValuesNeverReachTheDevice() {
    SimNetwork net = chain();
    assertThat(r(net.memoryAt(N1).release(A1, FOREVER)).code()).isEqualTo(ResultCode.INVALID);
    assertThat(r(net.memoryAt(N0).reserve(A1, FOREVER, 1, List.of(N2))).detail()).contains("no link from n0 to n2");
    assertThat(r(net.memoryAt(N1).swap(A1, FOREVER, N0, N2)).code()).isEqualTo(ResultCode.INVALID);
    assertThat(r(net.memoryAt(N1).reserve(A1, FOREVER, 1, List.of(N0, N2))).code()).isEqualTo(ResultCode.INVALID);
    assertThat(r(net.sourceAt(N0).enable(A1, FOREVER, N2, 1)).code()).isEqualTo(ResultCode.INVALID);
    assertThat(r(net.analyzerAt(N1).disarm(A1, FOREVER)).code()).isEqualTo(ResultCode.INVALID);
    CommandResult tooFast = r(net.sourceAt(N0).enable(A1, FOREVER, N1, 11));
    assertThat(tooFast.code()).isEqualTo(ResultCode.OUT_OF_LIMITS);
    assertThat(tooFast.detail()).contains("rate=11 exceeds max 10");
    assertThat(r(net.memoryAt(N1).reserve(A1, FOREVER, 5, List.of(N0, N2))).code()).isEqualTo(ResultCode.OUT_OF_LIMITS);
    assertThat(net.sourceAt(N0).reading().enabled()).isFalse();
  }

  @Test
  void aSourceIsSharedWhileTheRatesFit() {
    SimNetwork net = chain();
    assertThat(r(net.sourceAt(N1).enable(A1, FOREVER, N0, 6)).code()).isEqualTo(ResultCode.OK);
    CommandResult busy = r(net.sourceAt(N1).enable(A2, FOREVER, N2, 5));
    assertThat(busy.code()).isEqualTo(ResultCode.BUSY);
    assertThat(busy.detail()).contains("6.0 of 10.0 pairs/s already in use");
    assertThat(r(net.sourceAt(N1).enable(A2, FOREVER, N2, 4)).code()).isEqualTo(ResultCode.OK);
    assertThat(net.sourceAt(N1).reading().ratePairsPerSecond()).isCloseTo(10, within(1e-12));
    assertThat(r(net.sourceAt(N1).disable(A1, FOREVER)).code()).isEqualTo(ResultCode.OK);
    assertThat(net.sourceAt(N1).reading().ratePairsPerSecond()).isCloseTo(4, within(1e-12));
  }

  @Test
  void eventsArriveAtTheirVirtualTimes() {
    SimNetwork net = chain();
    allocate(net, A1);
    net.engine().runUntil(20_000_000_000L);
    long tau = 500_000;
    List<DeviceEvent.Herald> atN2 = heralds(N2.value() + ".memory");
    List<DeviceEvent.Herald> atN1FromN2 = new ArrayList<>();
    for (DeviceEvent e : events) {
      if (e instanceof DeviceEvent.Herald h && h.device().value().equals("n1.memory") && h.peer().equals(N2)) {
        atN1FromN2.add(h);
      }
    }
    assertThat(atN2).isNotEmpty();
    // the receiving node hears first; the source node one fibre delay later
    for (int i = 0; i < Math.min(atN2.size(), atN1FromN2.size()); i++) {
      assertThat(atN1FromN2.get(i).timeNanos() - atN2.get(i).timeNanos()).isEqualTo(tau);
    }
    List<DeviceEvent.PairDelivered> delivered = new ArrayList<>();
    List<DeviceEvent.SwapOutcome> swaps = new ArrayList<>();
    for (DeviceEvent e : events) {
      if (e instanceof DeviceEvent.PairDelivered d) {
        delivered.add(d);
      }
      if (e instanceof DeviceEvent.SwapOutcome s) {
        swaps.add(s);
      }
    }
    assertThat(swaps).isNotEmpty();
    assertThat(delivered).hasSize((int) swaps.stream().filter(DeviceEvent.SwapOutcome::success).count());
    // an end-to-end pair is delivered once the swap outcome has crossed one link
    int j = 0;
    for (DeviceEvent.SwapOutcome s : swaps) {
      if (s.success()) {
        DeviceEvent.PairDelivered d = delivered.get(j++);
        assertThat(d.timeNanos() - s.timeNanos()).isEqualTo(tau);
        assertThat(d.device().value()).isEqualTo("n2.analyzer");
        assertThat(List.of(d.a(), d.b())).containsExactlyInAnyOrder(N0, N2);
        assertThat(d.fidelity()).isBetween(0.25, 0.95 * 0.95);
      }
    }
  }

  @Test
  void nothingHappensUntilEverythingIsCommanded() {
    SimNetwork net = chain();
    r(net.memoryAt(N0).reserve(A1, FOREVER, 1, List.of(N1)));
    r(net.memoryAt(N1).reserve(A1, FOREVER, 1, List.of(N0)));
    r(net.sourceAt(N0).enable(A1, FOREVER, N1, 10));
    net.engine().runUntil(5_000_000_000L);
    assertThat(net.stats().attempts()).isGreaterThan(20);
    assertThat(net.stats().heralded()).isZero();
    r(net.analyzerAt(N1).arm(A1, FOREVER, N0, 1e-9));
    net.engine().runUntil(10_000_000_000L);
    assertThat(net.stats().heralded()).isPositive();
    assertThat(net.stats().delivered()).isEqualTo(net.stats().heralded());
  }

  @Test
  void swapRateLimitsSwapsPerSecond() {
    SimNetwork net = chain();
    r(net.memoryAt(N1).submit(new org.dpem.hal.command.SetParameter(AllocationId.NONE, FOREVER,
        org.dpem.hal.Parameters.SWAP_RATE, 1.0)));
    allocate(net, A1);
    net.engine().runUntil(30_000_000_000L);
    // both links herald ~4.5/s; one swap per second at most
    assertThat(net.stats().swaps()).isBetween(25L, 31L);
    r(net.memoryAt(N1).submit(new org.dpem.hal.command.SetParameter(AllocationId.NONE, FOREVER,
        org.dpem.hal.Parameters.SWAP_RATE, 0.0)));
    long paused = net.stats().swaps();
    net.engine().runUntil(40_000_000_000L);
    assertThat(net.stats().swaps()).isEqualTo(paused);
    r(net.memoryAt(N1).submit(new org.dpem.hal.command.SetParameter(AllocationId.NONE, FOREVER,
        org.dpem.hal.Parameters.SWAP_RATE, 5.0)));
    net.engine().runUntil(50_000_000_000L);
    assertThat(net.stats().swaps()).isGreaterThan(paused + 10);
  }

  static void allocate(SimNetwork net, AllocationId a) {
    assertThat(r(net.memoryAt(N0).reserve(a, FOREVER, 1, List.of(N1))).isOk()).isTrue();
    assertThat(r(net.memoryAt(N1).reserve(a, FOREVER, 2, List.of(N0, N2))).isOk()).isTrue();
    assertThat(r(net.memoryAt(N2).reserve(a, FOREVER, 1, List.of(N1))).isOk()).isTrue();
    assertThat(r(net.memoryAt(N1).swap(a, FOREVER, N0, N2)).isOk()).isTrue();
    assertThat(r(net.analyzerAt(N1).arm(a, FOREVER, N0, 1e-9)).isOk()).isTrue();
    assertThat(r(net.analyzerAt(N2).arm(a, FOREVER, N1, 1e-9)).isOk()).isTrue();
    assertThat(r(net.analyzerAt(N2).arm(a, FOREVER, N0, 1e-9)).isOk()).isTrue();
    assertThat(r(net.sourceAt(N0).enable(a, FOREVER, N1, 10)).isOk()).isTrue();
    assertThat(r(net.sourceAt(N1).enable(a, FOREVER, N2, 10)).isOk()).isTrue();
  }

  List<DeviceEvent.Herald> heralds(String device) {
    List<DeviceEvent.Herald> out = new ArrayList<>();
    for (DeviceEvent e : events) {
      if (e instanceof DeviceEvent.Herald h && h.device().value().equals(device)) {
        out.add(h);
      }
    }
    return out;
  }

  @Test
  void cutoffDiscardsStaleHalvesSoNoDeliveredPairWaitedLonger() {
    // tau = 0.5 ms; both links herald 4.5/s; T = 10 s; cutoff 50 ms
    Topology t = Lattices.chain(2, 100, 0.0, 10, 5,
        NodeTemplate.defaults().withSlots(4).withCoherence(1).withCutoff(0.05));
    SimNetwork net = new SimNetwork(new SimEngine(3), t, NetworkOptions.quiet());
    List<Double> f = new ArrayList<>();
    net.subscribe(e -> {
      if (e instanceof DeviceEvent.PairDelivered d) {
        f.add(d.fidelity());
      }
    });
    allocate(net, A1);
    net.engine().runUntil(200_000_000_000L);
    assertThat(net.stats().cutoffs()).isPositive();
    assertThat(f).hasSizeGreaterThan(20);
    // a delivered pair's first half waited at most the cutoff: exponent <= 2 * 0.05 + 6 tau
    double w0 = (4 * 0.95 - 1) / 3.0;
    double floor = 0.25 + 0.75 * w0 * w0 * Math.exp(-(2 * 0.05 + 6 * 0.0005) / 1.0);
    assertThat(f).allSatisfy(x -> assertThat(x).isGreaterThanOrEqualTo(floor - 1e-12));
    SimNetwork none = chain();
    allocate(none, A1);
    none.engine().runUntil(200_000_000_000L);
    assertThat(none.stats().cutoffs()).isZero();
  }

  @Test
  void t1t2MemoriesDecayEachHalfForItsOwnStorageTime() {
    // 200 km without loss: tau = 1 ms. Delivered when n0 hears the herald: n0's half has been
    // stored 2 tau, n1's half tau.
    NodeSpec.MemorySpec withT1 = new NodeSpec.MemorySpec(8, 1, 0.020, 0.005, 1, 1);
    Decay d = withT1.decay();
    double expected = d.apply(d.apply(BellDiagonal.werner(0.97), 0.002), 0.001).fidelity();
    assertThat(deliveredFidelities(withT1)).isNotEmpty()
        .allSatisfy(x -> assertThat(x).isCloseTo(expected, within(1e-12)));
    // pure dephasing composes over the two halves: a Z error with probability (1 - e^{-3 tau/T2})/2
    NodeSpec.MemorySpec dephasing = new NodeSpec.MemorySpec(8, 1, Double.POSITIVE_INFINITY, 0.005, 1, 1);
    double pz = (1 - Math.exp(-0.003 / 0.005)) / 2;
    double closedForm = 0.97 - pz * (0.97 - 0.01);
    assertThat(deliveredFidelities(dephasing)).isNotEmpty()
        .allSatisfy(x -> assertThat(x).isCloseTo(closedForm, within(1e-12)));
  }

  private static List<Double> deliveredFidelities(NodeSpec.MemorySpec mem) {
    List<NodeSpec> nodes = new ArrayList<>();
    for (String id : List.of("n0", "n1")) {
      nodes.add(new NodeSpec(id, 0, 0, new NodeSpec.SourceSpec(10, 0.97), mem,
          new NodeSpec.AnalyzerSpec(0.5, 0.9, 0)));
    }
    SimNetwork net = new SimNetwork(new SimEngine(8),
        new Topology(nodes, List.of(new LinkSpec("n0", "n1", 200, 0))), NetworkOptions.quiet());
    List<Double> f = new ArrayList<>();
    net.subscribe(e -> {
      if (e instanceof DeviceEvent.PairDelivered x) {
        f.add(x.fidelity());
      }
    });
    r(net.memoryAt(N0).reserve(A1, FOREVER, 8, List.of(N1)));
    r(net.memoryAt(N1).reserve(A1, FOREVER, 8, List.of(N0)));
    r(net.analyzerAt(N1).arm(A1, FOREVER, N0, 1e-9));
    r(net.sourceAt(N0).enable(A1, FOREVER, N1, 10));
    net.engine().runUntil(10_000_000_000L);
    return f;
  }

  @Test
  void swapErrorsDepolarizeEverySwap() {
    // three hops, no decay to speak of: F = 1/4 + 3/4 w0^3 (1 - e)^2
    Topology t = Lattices.chain(3, 1, 0.2, 10, 5,
        NodeTemplate.defaults().withSlots(4).withCoherence(1e9).withSwapError(0.05));
    SimNetwork net = new SimNetwork(new SimEngine(2), t, NetworkOptions.quiet());
    List<Double> f = new ArrayList<>();
    net.subscribe(e -> {
      if (e instanceof DeviceEvent.PairDelivered d) {
        f.add(d.fidelity());
      }
    });
    NodeId n3 = NodeId.of("n3");
    r(net.memoryAt(N0).reserve(A1, FOREVER, 1, List.of(N1)));
    r(net.memoryAt(N1).reserve(A1, FOREVER, 2, List.of(N0, N2)));
    r(net.memoryAt(N2).reserve(A1, FOREVER, 2, List.of(N1, n3)));
    r(net.memoryAt(n3).reserve(A1, FOREVER, 1, List.of(N2)));
    r(net.memoryAt(N1).swap(A1, FOREVER, N0, N2));
    r(net.memoryAt(N2).swap(A1, FOREVER, N1, n3));
    r(net.analyzerAt(N1).arm(A1, FOREVER, N0, 1e-9));
    r(net.analyzerAt(N2).arm(A1, FOREVER, N1, 1e-9));
    r(net.analyzerAt(n3).arm(A1, FOREVER, N2, 1e-9));
    r(net.analyzerAt(n3).arm(A1, FOREVER, N0, 1e-9));
    for (NodeId[] l : new NodeId[][] {{N0, N1}, {N1, N2}, {N2, n3}}) {
      r(net.sourceAt(l[0]).enable(A1, FOREVER, l[1], 10));
    }
    net.engine().runUntil(60_000_000_000L);
    double w0 = (4 * 0.95 - 1) / 3.0;
    double expected = 0.25 + 0.75 * w0 * w0 * w0 * 0.95 * 0.95;
    assertThat(f).hasSizeGreaterThan(10).allSatisfy(x -> assertThat(x).isCloseTo(expected, within(1e-6)));
  }

  @Test
  void telemetryComesPeriodically() {
    Topology t = Lattices.chain(1, 1, 0.2, 10, 5, NodeTemplate.defaults());
    SimNetwork net = new SimNetwork(new SimEngine(1), t, NetworkOptions.defaults());
    List<DeviceEvent.Telemetry> tel = new ArrayList<>();
    net.subscribe(e -> {
      if (e instanceof DeviceEvent.Telemetry x) {
        tel.add(x);
      }
    });
    net.engine().runUntil(3_000_000_000L);
    // 2 nodes x 3 devices x 3 periods
    assertThat(tel).hasSize(18);
    assertThat(tel.get(1).values()).containsEntry("free_slots", 10.0);
    assertThat(net.device(tel.get(0).device())).isPresent();
    assertThat(net.nodes()).hasSize(2);
    assertThat(net.node(N0).orElseThrow().usable()).isTrue();
    assertThat(net.sourceAt(N0).state()).isEqualTo(DeviceState.READY);
  }
}
