package org.dpem.sim.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.dpem.sim.network.SimNetworkTest.FOREVER;
import static org.dpem.sim.network.SimNetworkTest.N0;
import static org.dpem.sim.network.SimNetworkTest.N1;
import static org.dpem.sim.network.SimNetworkTest.N2;
import static org.dpem.sim.network.SimNetworkTest.r;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dpem.hal.AllocationId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.NodeTemplate;
import org.dpem.sim.topology.Topology;
import org.junit.jupiter.api.Test;

/** Entanglement buffering in the simulated memories: stock, decay while stored, hand-over. */
class StockTest {
  static final AllocationId STOCK = AllocationId.of(900);
  static final AllocationId STOCK12 = AllocationId.of(901);
  static final AllocationId A = AllocationId.of(1);
  static final double T = 2.0;
  static final double TAU_S = 0.5e-3;

  final List<DeviceEvent> events = new ArrayList<>();

  /** n0 - n1 - n2, 100 km lossless links (tau = 0.5 ms), 4 slots, T = 2 s, F0 = 0.95. */
  SimNetwork chain() {
    return chain(4);
  }

  SimNetwork chain(int slots) {
    Topology t = Lattices.chain(2, 100, 0.0, 10, 5, NodeTemplate.defaults().withSlots(slots).withCoherence(T));
    SimNetwork net = new SimNetwork(new SimEngine(5), t, NetworkOptions.quiet());
    net.subscribe(events::add);
    return net;
  }

  /** Stocks the link n0-n1 (generated at n0) for 2 s, then stops its source. */
  static void stockN0N1(SimNetwork net, AllocationId holding) {
    assertThat(r(net.memoryAt(N0).stock(holding, FOREVER, 3, N1)).isOk()).isTrue();
    assertThat(r(net.memoryAt(N1).stock(holding, FOREVER, 3, N0)).isOk()).isTrue();
    assertThat(r(net.analyzerAt(N1).arm(holding, FOREVER, N0, 1e-9)).isOk()).isTrue();
    assertThat(r(net.sourceAt(N0).enable(holding, FOREVER, N1, 10)).isOk()).isTrue();
    net.engine().runUntil(2_000_000_000L);
    assertThat(r(net.sourceAt(N0).disable(holding, FOREVER)).isOk()).isTrue();
    net.engine().runUntil(2_010_000_000L);
  }

  /** A one-hop allocation on n0-n1 with no source of its own: it can only get stocked pairs. */
  static void oneHop(SimNetwork net, AllocationId a) {
    assertThat(r(net.memoryAt(N0).reserve(a, FOREVER, 1, List.of(N1))).isOk()).isTrue();
    assertThat(r(net.memoryAt(N1).reserve(a, FOREVER, 1, List.of(N0))).isOk()).isTrue();
    assertThat(r(net.analyzerAt(N1).arm(a, FOREVER, N0, 1e-9)).isOk()).isTrue();
  }

  List<DeviceEvent.Herald> heraldsAtN1(AllocationId a) {
    List<DeviceEvent.Herald> out = new ArrayList<>();
    for (DeviceEvent e : events) {
      if (e instanceof DeviceEvent.Herald h && h.device().value().equals("n1.memory")
          && h.allocation().equals(a)) {
        out.add(h);
      }
    }
    return out;
  }

  List<DeviceEvent.PairDelivered> delivered(AllocationId a) {
    List<DeviceEvent.PairDelivered> out = new ArrayList<>();
    for (DeviceEvent e : events) {
      if (e instanceof DeviceEvent.PairDelivered d && d.allocation().equals(a)) {
        out.add(d);
      }
    }
    return out;
  }

  /** The decay law for a Werner pair with both halves stored: F = 1/4 + (F0 - 1/4) e^(-2t/T). */
  static double decayed(double f0, double seconds) {
    return 0.25 + (f0 - 0.25) * Math.exp(-2 * seconds / T);
  }

  @Test
  void stockedPairsAreKeptFreshestFirstAndNeverDelivered() {
    SimNetwork net = chain();
    stockN0N1(net, STOCK);
    List<DeviceEvent.Herald> heralds = heraldsAtN1(STOCK);
    // 2 s at 10/s with herald probability 0.45: about 9 heralds into 3 slots
    assertThat(heralds.size()).isGreaterThan(3);
    assertThat(net.stats().stockReplaced()).isEqualTo(heralds.size() - 3);
    assertThat(delivered(STOCK)).isEmpty();
    assertThat(net.memoryAt(N0).storedHalves(STOCK)).isEqualTo(3);
    assertThat(net.memoryAt(N1).storedHalves(STOCK)).isEqualTo(3);
  }

  @Test
  void handedOverPairsArriveWithTheFidelityTheDecayLawGives() {
    SimNetwork net = chain();
    stockN0N1(net, STOCK);
    List<DeviceEvent.Herald> heralds = heraldsAtN1(STOCK);
    net.engine().runUntil(3_000_000_000L);
    oneHop(net, A);
    CommandResult atN0 = r(net.memoryAt(N0).handOver(A, FOREVER, STOCK, N1, 3, 0));
    assertThat(MemoryCommand.HandOver.moved(atN0)).isEqualTo(3);
    assertThat(delivered(A)).as("half a pair is not a pair").isEmpty();
    CommandResult atN1 = r(net.memoryAt(N1).handOver(A, FOREVER, STOCK, N0, 3, 0));
    assertThat(MemoryCommand.HandOver.moved(atN1)).isEqualTo(3);

    List<DeviceEvent.PairDelivered> got = delivered(A);
    assertThat(got).hasSize(3);
    long now = net.engine().now();
    // the stock held the three freshest heralds; each decayed from herald to hand-over
    List<DeviceEvent.Herald> kept = heralds.subList(heralds.size() - 3, heralds.size());
    double fHerald = 0.25 + (0.95 - 0.25) * Math.exp(-TAU_S / T);
    List<Double> expected = new ArrayList<>();
    for (DeviceEvent.Herald h : kept) {
      assertThat(h.fidelityEstimate()).isCloseTo(fHerald, within(1e-12));
      expected.add(decayed(fHerald, (now - h.timeNanos()) / 1e9));
    }
    List<Double> actual = got.stream().map(DeviceEvent.PairDelivered::fidelity)
        .sorted(Comparator.reverseOrder()).toList();
    expected.sort(Comparator.reverseOrder());
    for (int i = 0; i < 3; i++) {
      assertThat(actual.get(i)).isCloseTo(expected.get(i), within(1e-12));
    }
    // the slots went with the pairs: the stock is empty, the allocation holds 1 + 3
    assertThat(net.memoryAt(N0).storedHalves(STOCK)).isZero();
    assertThat(net.memoryAt(N0).freeSlots()).isZero();
  }

  @Test
  void aStockedPairBelowTheFloorIsNeverHandedOver() {
    SimNetwork net = chain();
    stockN0N1(net, STOCK);
    List<DeviceEvent.Herald> heralds = heraldsAtN1(STOCK);
    List<DeviceEvent.Herald> kept = heralds.subList(heralds.size() - 3, heralds.size());
    net.engine().runUntil(2_500_000_000L);
    long now = net.engine().now();
    double fHerald = kept.get(0).fidelityEstimate();
    double freshest = decayed(fHerald, (now - kept.get(2).timeNanos()) / 1e9);
    double oldest = decayed(fHerald, (now - kept.get(0).timeNanos()) / 1e9);
    assertThat(freshest).isGreaterThan(oldest);
    double floor = (freshest + oldest) / 2;
    long above = kept.stream().filter(h -> decayed(fHerald, (now - h.timeNanos()) / 1e9) >= floor).count();
    assertThat(above).isBetween(1L, 2L);
    oneHop(net, A);
    assertThat(MemoryCommand.HandOver.moved(r(net.memoryAt(N0).handOver(A, FOREVER, STOCK, N1, 3, floor))))
        .isEqualTo((int) above);
    assertThat(MemoryCommand.HandOver.moved(r(net.memoryAt(N1).handOver(A, FOREVER, STOCK, N0, 3, floor))))
        .isEqualTo((int) above);
    assertThat(delivered(A)).hasSize((int) above)
        .allSatisfy(d -> assertThat(d.fidelity()).isGreaterThanOrEqualTo(floor));
    // the rest stays in stock, and once everything decayed below the floor nothing more moves
    net.engine().runUntil(8_000_000_000L);
    assertThat(MemoryCommand.HandOver.moved(r(net.memoryAt(N0).handOver(A, FOREVER, STOCK, N1, 3, floor))))
        .isZero();
    assertThat(delivered(A)).hasSize((int) above);
  }

  @Test
  void handOverIsRefusedForAWrongAllocationOrWhenSlotsAreNotHeld() {
    SimNetwork net = chain(6);
    stockN0N1(net, STOCK);
    CommandResult noSlots = r(net.memoryAt(N0).handOver(A, FOREVER, STOCK, N1, 1, 0));
    assertThat(noSlots.code()).isEqualTo(ResultCode.INVALID);
    assertThat(noSlots.detail()).contains("allocation a1 holds no slots here");
    oneHop(net, A);
    CommandResult unknownStock = r(net.memoryAt(N0).handOver(A, FOREVER, AllocationId.of(77), N1, 1, 0));
    assertThat(unknownStock.code()).isEqualTo(ResultCode.INVALID);
    assertThat(unknownStock.detail()).contains("stock a77 holds no slots here");
    AllocationId other = AllocationId.of(2);
    assertThat(r(net.memoryAt(N1).reserve(other, FOREVER, 1, List.of(N2))).isOk()).isTrue();
    CommandResult notStock = r(net.memoryAt(N1).handOver(A, FOREVER, other, N0, 1, 0));
    assertThat(notStock.code()).isEqualTo(ResultCode.INVALID);
    assertThat(notStock.detail()).contains("a2 is not a stock holding here");
    CommandResult wrongSide = r(net.memoryAt(N1).handOver(other, FOREVER, STOCK, N0, 1, 0));
    assertThat(wrongSide.code()).isEqualTo(ResultCode.INVALID);
    assertThat(wrongSide.detail()).contains("holds slots towards [n2], not n0");
    CommandResult toStock = r(net.memoryAt(N0).handOver(STOCK, FOREVER, STOCK, N1, 1, 0));
    assertThat(toStock.code()).isEqualTo(ResultCode.INVALID);
    assertThat(r(net.memoryAt(N0).reserve(STOCK, FOREVER, 1, List.of(N1))).code()).isEqualTo(ResultCode.INVALID);
    assertThat(r(net.memoryAt(N0).stock(A, FOREVER, 1, N1)).code()).isEqualTo(ResultCode.INVALID);
    // nothing moved by any refusal
    assertThat(net.memoryAt(N0).storedHalves(STOCK)).isEqualTo(3);
    assertThat(net.memoryAt(N1).storedHalves(STOCK)).isEqualTo(3);
    assertThat(delivered(A)).isEmpty();
  }

  @Test
  void stockedPairsOnBothLinksAreSwappedIntoEndToEndPairs() {
    SimNetwork net = chain(8);
    assertThat(r(net.memoryAt(N1).stock(STOCK12, FOREVER, 2, N2)).isOk()).isTrue();
    assertThat(r(net.memoryAt(N2).stock(STOCK12, FOREVER, 2, N1)).isOk()).isTrue();
    assertThat(r(net.analyzerAt(N2).arm(STOCK12, FOREVER, N1, 1e-9)).isOk()).isTrue();
    assertThat(r(net.sourceAt(N1).enable(STOCK12, FOREVER, N2, 10)).isOk()).isTrue();
    stockN0N1(net, STOCK);
    assertThat(r(net.sourceAt(N1).disable(STOCK12, FOREVER)).isOk()).isTrue();
    // a two-hop allocation without sources: only the stocks can feed it
    assertThat(r(net.memoryAt(N0).reserve(A, FOREVER, 1, List.of(N1))).isOk()).isTrue();
    assertThat(r(net.memoryAt(N1).reserve(A, FOREVER, 2, List.of(N0, N2))).isOk()).isTrue();
    assertThat(r(net.memoryAt(N2).reserve(A, FOREVER, 1, List.of(N1))).isOk()).isTrue();
    assertThat(r(net.memoryAt(N1).swap(A, FOREVER, N0, N2)).isOk()).isTrue();
    assertThat(r(net.analyzerAt(N2).arm(A, FOREVER, N0, 1e-9)).isOk()).isTrue();
    int moved = MemoryCommand.HandOver.moved(r(net.memoryAt(N0).handOver(A, FOREVER, STOCK, N1, 2, 0)));
    moved += MemoryCommand.HandOver.moved(r(net.memoryAt(N1).handOver(A, FOREVER, STOCK, N0, 2, 0)));
    moved += MemoryCommand.HandOver.moved(r(net.memoryAt(N1).handOver(A, FOREVER, STOCK12, N2, 2, 0)));
    moved += MemoryCommand.HandOver.moved(r(net.memoryAt(N2).handOver(A, FOREVER, STOCK12, N1, 2, 0)));
    assertThat(moved).isEqualTo(8);
    net.engine().runUntil(net.engine().now() + 1_000_000_000L);
    long swapsOk = events.stream().filter(e -> e instanceof DeviceEvent.SwapOutcome s
        && s.allocation().equals(A) && s.success()).count();
    assertThat(swapsOk).isPositive();
    assertThat(delivered(A)).hasSize((int) swapsOk)
        .allSatisfy(d -> assertThat(d.fidelity()).isBetween(0.25, 0.95 * 0.95));
  }

  @Test
  void releasingAStockDestroysItsPairsAtBothEnds() {
    SimNetwork net = chain();
    stockN0N1(net, STOCK);
    assertThat(r(net.memoryAt(N0).release(STOCK, FOREVER)).isOk()).isTrue();
    assertThat(net.memoryAt(N1).storedHalves(STOCK)).isZero();
    assertThat(r(net.memoryAt(N1).stock(STOCK, FOREVER, 0, N0)).isOk()).isTrue();
    assertThat(net.memoryAt(N1).freeSlots()).isEqualTo(4);
  }
}
