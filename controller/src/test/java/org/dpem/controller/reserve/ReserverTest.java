package org.dpem.controller.reserve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.request.Request;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.TopologySnapshot;
import org.dpem.hal.NodeId;
import org.junit.jupiter.api.Test;

class ReserverTest {
  final NetworkModel m = Lab.model(3, new int[0][], 10, 5, 4);
  final TopologySnapshot topo = snapshot(m);
  final Map<Long, Request> reqs = new HashMap<>();

  static TopologySnapshot snapshot(NetworkModel m) {
    BitSet all = new BitSet();
    all.set(0, m.nodeCount());
    return new TopologySnapshot(m, all, 1, 2);
  }

  Request req(long id, int priority, long deadline) {
    Request r = new Request(id, NodeId.of("n0"), NodeId.of("n2"), 0.5, 1, 0, deadline, priority);
    reqs.put(id, r);
    return r;
  }

  CandidatePath path02() {
    return topo.paths(0, 2).get(0);
  }

  @Test
  void usageFollowsTheFluidModel() {
    Usage u = Usage.of(m, path02(), 1.0);
    Map<Integer, Double> by = new HashMap<>();
    for (int i = 0; i < u.resources().length; i++) {
      by.put(u.resources()[i], u.amounts()[i]);
    }
    // each link needs 1/(p * q) attempts per delivered pair; generating ends are n0 and n1 (tie -> smaller id)
    assertThat(by.get(ResourceKind.GENERATION.at(0))).isEqualTo(1 / (0.3 * 0.9));
    assertThat(by.get(ResourceKind.GENERATION.at(1))).isEqualTo(1 / (0.3 * 0.9));
    assertThat(by.get(ResourceKind.SWAP.at(1))).isEqualTo(1 / 0.9);
    assertThat(by.get(ResourceKind.MEMORY.at(1))).isEqualTo(2.0);
    assertThat(by.get(ResourceKind.MEMORY.at(0))).isEqualTo(1.0);
  }

  @Test
  void contentionCountsSharedCellsEvenWhenCapacitySuffices() {
    req(1, 0, 100);
    req(2, 0, 100);
    ResourceLedger ledger = new ResourceLedger(m);
    ReservationResult r = new Reserver(m).resolve(List.of(
        new Claim(1, path02(), 0.1, 0.1), new Claim(2, path02(), 0.1, 0.1)), ledger, reqs::get);
    // both claim gen n0, gen n1, swap n1, memory n0, n1, n2: six shared cells
    assertThat(r.contentionCells()).isEqualTo(6);
    assertThat(r.oversubscribedCells()).isZero();
    assertThat(r.granted()).hasSize(2);
  }

  @Test
  void resolutionIsPriorityThenDeadlineThenIdAndCountsOversubscription() {
    req(1, 0, 50);
    req(2, 5, 100);
    req(3, 0, 10);
    req(4, 0, 10);
    ResourceLedger ledger = new ResourceLedger(m);
    // memory at n1 has 4 slots, each claim needs 2 there: only two fit
    List<Claim> claims = List.of(new Claim(1, path02(), 0.1, 0.1), new Claim(4, path02(), 0.1, 0.1),
        new Claim(3, path02(), 0.1, 0.1), new Claim(2, path02(), 0.1, 0.1));
    ReservationResult r = new Reserver(m).resolve(claims, ledger, reqs::get);
    assertThat(r.granted()).extracting(g -> g.claim().requestId()).containsExactly(2L, 3L);
    assertThat(r.refused()).extracting(Claim::requestId).containsExactlyInAnyOrder(1L, 4L);
    assertThat(r.oversubscribedCells()).isEqualTo(1);
    assertThat(ledger.held(ResourceKind.MEMORY.at(1))).isEqualTo(4.0);
  }

  @Test
  void aClaimIsScaledDownToWhatIsFreeButNotBelowItsMinimum() {
    req(1, 0, 100);
    req(2, 0, 100);
    ResourceLedger ledger = new ResourceLedger(m);
    double full = 10 * 0.3 * 0.9; // the rate that uses all of n0's generation
    ReservationResult r = new Reserver(m).resolve(List.of(
        new Claim(1, path02(), full * 0.75, 0.01), new Claim(2, path02(), full * 0.5, full * 0.4)),
        ledger, reqs::get);
    assertThat(r.granted()).hasSize(1);
    assertThat(r.refused()).extracting(Claim::requestId).containsExactly(2L);
    ReservationResult again = new Reserver(m).resolve(List.of(
        new Claim(2, path02(), full * 0.5, full * 0.2)), ledger, reqs::get);
    assertThat(again.granted()).hasSize(1);
    assertThat(again.granted().get(0).rate()).isBetween(full * 0.2, full * 0.2500001);
  }

  @Test
  void stockClaimsCountInContentionAndTakeOnlyWhatRequestsLeave() {
    req(1, 0, 100);
    ResourceLedger ledger = new ResourceLedger(m);
    int link01 = m.linkBetween(0, 1);
    // the stock asks for 2 slots at n0 and n1 and all of n0's 10 attempts/s
    StockClaim stock = new StockClaim(link01, Usage.ofStock(m, link01, 2, 2, 10), 0.1);
    Claim claim = new Claim(1, path02(), 0.5, 0.5);
    ReservationResult r = new Reserver(m).resolve(List.of(claim), List.of(stock), ledger, reqs::get);
    // shared with the request: generation at n0, memory at n0 and n1
    assertThat(r.contentionCells()).isEqualTo(3);
    assertThat(r.granted()).hasSize(1);
    assertThat(r.stocked()).hasSize(1);
    double requestGen = r.granted().get(0).usage().amounts()[0];
    assertThat(r.stocked().get(0).scale()).isCloseTo((10 * (1 - 1e-9) - requestGen) / 10,
        org.assertj.core.api.Assertions.within(1e-9));
    // memory at n1: 2 for the request, 2 for the stock; 4 slots: the next stock does not fit
    ReservationResult again = new Reserver(m).resolve(List.of(), List.of(stock), ledger, reqs::get);
    assertThat(again.stocked()).isEmpty();
    assertThat(again.oversubscribedCells()).isPositive();
  }
}
