package org.dpem.controller.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import org.dpem.controller.lab.Lab;
import org.junit.jupiter.api.Test;

class TopologyTest {
  @Test
  void swapLawAndHopLimitMatchThePhysicsNotes() {
    assertThat(FidelityModel.swap(0.9, 0.9)).isCloseTo(0.813333, within(1e-6));
    // w(0.9)=0.8666.., w(0.7)=0.6: ln 0.6 / ln 0.8667 = 3.566 -> 3 hops
    assertThat(FidelityModel.hopLimit(0.7, 0.9)).isEqualTo(3);
    assertThat(FidelityModel.hopLimit(0.95, 0.9)).isZero();
    assertThat(FidelityModel.hopLimit(0.9, 0.9)).isEqualTo(1);
    assertThat(FidelityModel.decay(0.9, 2, 0.5, 1.0))
        .isCloseTo(0.25 + 0.65 * Math.exp(-1.0), within(1e-12));
  }

  @Test
  void yenGivesLooplessPathsBestCapacityFirstAndSkipsUnusableNodes() {
    // 0-1-2-3 line plus a 0-3 shortcut and a 1-3 chord
    NetworkModel m = Lab.model(4, new int[][] {{0, 3}, {1, 3}}, 10, 5, 10);
    BitSet all = new BitSet();
    all.set(0, 4);
    TopologySnapshot t = new TopologySnapshot(m, all, 1, 4);
    List<CandidatePath> ps = t.paths(0, 3);
    assertThat(ps).hasSize(3);
    assertThat(ps.get(0).nodes()).extracting(Object::toString).containsExactly("n0", "n3");
    for (int i = 1; i < ps.size(); i++) {
      assertThat(ps.get(i).capacity()).isLessThanOrEqualTo(ps.get(i - 1).capacity());
    }
    // one hop carries what its generating end can herald: 10 attempts/s at p = 0.2
    assertThat(ps.get(0).capacity()).isCloseTo(2.0, within(1e-9));
    for (CandidatePath p : ps) {
      assertThat(new HashSet<>(p.nodes())).hasSize(p.nodes().size());
    }
    assertThat(t.paths(0, 3)).isSameAs(ps);
    // one hop: yield is the link's success; two hops include the swap's 0.9
    assertThat(ps.get(0).yield()).isCloseTo(0.2, within(1e-12));
    CandidatePath viaOne = ps.stream().filter(p -> p.hops() == 2).findFirst().orElseThrow();
    assertThat(viaOne.yield()).isCloseTo(0.3 * 0.2 * 0.9, within(1e-12));

    BitSet without1 = (BitSet) all.clone();
    without1.clear(1);
    TopologySnapshot t2 = new TopologySnapshot(m, without1, 2, 4);
    assertThat(t2.paths(0, 3)).allSatisfy(p -> assertThat(p.nodes().toString()).doesNotContain("n1"));
    assertThat(t2.paths(0, 1)).isEmpty();
  }

  @Test
  void fidelityEstimateFallsWithHopsAndFeasiblePathsRespectTheFloor() {
    NetworkModel m = Lab.model(6, new int[0][], 10, 5, 10);
    BitSet all = new BitSet();
    all.set(0, 6);
    TopologySnapshot t = new TopologySnapshot(m, all, 1, 4);
    double one = t.paths(0, 1).get(0).fidelity();
    double five = t.paths(0, 5).get(0).fidelity();
    assertThat(one).isCloseTo(0.97, within(1e-12));
    assertThat(five).isLessThan(one);
    assertThat(t.feasiblePaths(0, 5, five + 1e-6)).isEmpty();
    assertThat(t.feasiblePaths(0, 5, five - 1e-6)).hasSize(1);
  }

  @Test
  void theFidelityCeilingBoundsEveryPathEstimate() {
    NetworkModel m = Lab.model(8, new int[][] {{0, 4}, {2, 6}, {1, 7}}, 10, 5, 10);
    BitSet all = new BitSet();
    all.set(0, 8);
    TopologySnapshot t = new TopologySnapshot(m, all, 1, 6);
    for (int s = 0; s < 8; s++) {
      for (int d = 0; d < 8; d++) {
        for (CandidatePath p : t.paths(s, d)) {
          assertThat(p.fidelity()).isLessThanOrEqualTo(t.fidelityCeiling(p.hops()) + 1e-12);
          assertThat(p.hops()).isGreaterThanOrEqualTo(t.hops(s, d));
        }
      }
    }
    // a floor above the ceiling for the distance needs no path search and finds nothing
    assertThat(t.feasiblePaths(0, 3, t.fidelityCeiling(t.hops(0, 3)) + 1e-9)).isEmpty();
  }
}
