package org.dpem.controller.reserve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
  void usageFollowsTheChainModel() {
    Usage u = Usage.of(m, path02(), 1.0);
    Map<Integer, Double> by = new HashMap<>();
    for (int i = 0; i < u.resources().length; i++) {
      by.put(u.resources()[i], u.amounts()[i]);
    }
    // two hops with one slot per side deliver 2q/3 = 0.6 pairs per unit herald rate (not q: a
    // herald that finds its slot taken is lost), so each link needs 1/(p * 0.6) attempts per
    // delivered pair; the swaps are the delivered pairs over q. Generating ends: n0 and n1.
    assertThat(by.get(ResourceKind.GENERATION.at(0))).isCloseTo(1 / (0.3 * 0.6), within(1e-9));
    assertThat(by.get(ResourceKind.GENERATION.at(1))).isCloseTo(1 / (0.3 * 0.6), within(1e-9));
    assertThat(by.get(ResourceKind.SWAP.at(1))).isCloseTo(1 / 0.9, within(1e-9));
    assertThat(by.get(ResourceKind.MEMORY.at(1))).isEqualTo(2.0);
    assertThat(by.get(ResourceKind.MEMORY.at(0))).isEqualTo(1.0);
  }

  @Test
  void sharingCountsSharedCellsEvenWhenCapacitySuffices() {
    req(1, 0, 100);
    req(2, 0, 100);
    ResourceLedger ledger = new ResourceLedger(m);
    ReservationResult r = new Reserver(m).resolve(List.of(
        new Claim(1, path02(), 0.1, 0.1), new Claim(2, path02(), 0.1, 0.1)), ledger, reqs::get);
    // both claim gen n0, gen n1, swap n1, memory n0, n1, n2: six shared cells
    assertThat(r.sharedCells()).isEqualTo(6);
    assertThat(r.oversubscribedCells()).isZero();
    assertThat(r.newOversubscriptions()).isZero();
    assertThat(r.granted()).hasSize(2);
  }

  @Test
  void anOversubscribedResourceCountsOncePerEpisode() {
    for (long id = 1; id <= 4; id++) {
      req(id, 0, 100);
    }
    ResourceLedger ledger = new ResourceLedger(m);
    Reserver reserver = new Reserver(m);
    // n1 has 4 slots, each claim needs 2: three claims over-subscribe it
    List<Claim> three = List.of(new Claim(1, path02(), 0.1, 0.1), new Claim(2, path02(), 0.1, 0.1),
        new Claim(3, path02(), 0.1, 0.1));
    assertThat(reserver.resolve(three, ledger, reqs::get).newOversubscriptions()).isEqualTo(1);
    // the refused claim again, the next epoch: the same episode
    ReservationResult again = reserver.resolve(List.of(new Claim(3, path02(), 0.1, 0.1)), ledger, reqs::get);
    assertThat(again.oversubscribedCells()).isEqualTo(1);
    assertThat(again.newOversubscriptions()).isZero();
  }

  @Test
  void aRequestMayBeSplitOverTwoDistinctPathsButNoMore() {
    NetworkModel ring = Lab.model(4, 3, new int[][] {{0, 3}, {3, 2}}, 10, 5, 4);
    TopologySnapshot t = snapshot(ring);
    List<CandidatePath> paths = t.paths(0, 2);
    assertThat(paths).hasSize(2);
    Request r = new Request(1, NodeId.of("n0"), NodeId.of("n2"), 0.5, 10, 0, 100, 0);
    ResourceLedger ledger = new ResourceLedger(ring);
    ReservationResult res = new Reserver(ring).resolve(List.of(new Claim(1, paths.get(0), 0.1, 0.1),
        new Claim(1, paths.get(0), 0.1, 0.1), new Claim(1, paths.get(1), 0.1, 0.1)), ledger,
        id -> id == 1 ? r : null);
    assertThat(res.granted()).extracting(g -> g.claim().path()).containsExactly(paths.get(0), paths.get(1));
  }

  /**
   * Ring n0-n1-n2-n3-n0, 4 slots a node: two claims through n1 fill it. Request 1 (the latest
   * deadline) asks for n1 with n3 as fallback and gets n3; request 4 gets n3 with its first claim,
   * so its fallback through n1 is passed over, neither granted nor refused.
   */
  @Test
  void aFallbackIsTriedOnlyWhenTheClaimsBeforeItWereRefused() {
    NetworkModel ring = Lab.model(4, 3, new int[][] {{0, 3}, {3, 2}}, 10, 5, 4);
    List<CandidatePath> paths = snapshot(ring).paths(0, 2);
    CandidatePath viaN1 = paths.stream().filter(p -> p.nodes().contains(NodeId.of("n1"))).findFirst().orElseThrow();
    CandidatePath viaN3 = paths.stream().filter(p -> p.nodes().contains(NodeId.of("n3"))).findFirst().orElseThrow();
    Map<Long, Request> byId = new HashMap<>();
    for (long id = 1; id <= 4; id++) {
      byId.put(id, new Request(id, NodeId.of("n0"), NodeId.of("n2"), 0.5, 1, 0, id == 1 ? 200 : 100 + id, 0));
    }
    List<Claim> claims = List.of(
        new Claim(1, viaN1, 0.01, 0.01), new Claim(1, viaN3, 0.01, 0.01).asFallback(),
        new Claim(2, viaN1, 0.01, 0.01), new Claim(3, viaN1, 0.01, 0.01),
        new Claim(4, viaN3, 0.01, 0.01), new Claim(4, viaN1, 0.01, 0.01).asFallback());
    ReservationResult r = new Reserver(ring).resolve(claims, new ResourceLedger(ring), byId::get);
    assertThat(r.granted()).extracting(g -> g.claim().requestId() + (g.claim().fallback() ? "f" : ""))
        .containsExactlyInAnyOrder("2", "3", "4", "1f");
    assertThat(r.refused()).containsExactly(claims.get(0));
    // every claim, fallbacks included, counts: n1's memory was asked for 8 slots of 4
    assertThat(r.oversubscribedCells()).isPositive();
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
    double full = 10 * 0.3 * 0.6; // the rate that uses all of n0's generation (two hops deliver 0.6 per herald)
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
    assertThat(r.sharedCells()).isEqualTo(3);
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
