package org.dpem.controller.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.request.Request;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.junit.jupiter.api.Test;

class UpperBoundTest {
  static Request req(long id, String s, String d, int pairs, double windowS, double floor) {
    return new Request(id, NodeId.of(s), NodeId.of(d), floor, pairs, 0, (long) (windowS * 1e9), 0);
  }

  @Test
  void oneLinkIsBoundByGenerationTimesHeraldProbability() {
    NetworkModel m = Lab.model(2, new int[0][], 10, 5, 10);
    // the sources at both ends may serve the link: 2 * 10 attempts/s * 0.3 = 6 pairs/s, 600 in
    // 100 s; but the request's window caps it: 1,000 pairs asked in a 20 s window -> at most 120
    UpperBound.Result r = UpperBound.solve(m, List.of(req(1, "n0", "n1", 1000, 20, 0.5)), 100);
    assertThat(r.pairs()).isCloseTo(120, within(1e-6));
    // many requests together share the horizon's generation: 600 pairs in 100 s
    List<Request> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(req(i, "n0", "n1", 10, 100, 0.5));
    }
    assertThat(UpperBound.solve(m, many, 100).pairs()).isCloseTo(600, within(1e-6));
    assertThat(UpperBound.solve(m, many, 100).pairsPerSecond()).isCloseTo(6, within(1e-9));
  }

  @Test
  void swapCapacityAndFloorsLimitLongerPaths() {
    NetworkModel m = Lab.model(3, new int[0][], 10, 0.5, 10);
    // n0-n1-n2: generation allows 3+ pairs/s per link but n1 swaps only 0.5/s at q = 0.9
    UpperBound.Result r = UpperBound.solve(m, List.of(req(1, "n0", "n2", 1000, 100, 0.5)), 100);
    assertThat(r.pairs()).isCloseTo(0.5 * 0.9 * 100, within(1e-6));
    // a floor above the two-link fidelity (0.9616 in Werner terms) excludes it
    assertThat(UpperBound.solve(m, List.of(req(1, "n0", "n2", 10, 100, 0.96)), 100).pairs()).isZero();
  }

  @Test
  void theLagrangianDualNeverUnderstatesTheExactLpAndComesClose() {
    // a 12-node ring with chords, 300 random requests: small enough for the exact LP
    NetworkModel m = Lab.model(12, new int[][] {{0, 6}, {3, 9}, {2, 7}, {11, 0}}, 10, 2, 10);
    java.util.SplittableRandom r = new java.util.SplittableRandom(5);
    List<Request> reqs = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int s = r.nextInt(12);
      int d = (s + 1 + r.nextInt(11)) % 12;
      reqs.add(req(i, "n" + s, "n" + d, 1 + r.nextInt(5), 1 + 9 * r.nextDouble(), 0.5 + 0.2 * r.nextDouble()));
    }
    UpperBound.Result exact = UpperBound.solve(m, reqs, 60, Integer.MAX_VALUE);
    UpperBound.Result dual = UpperBound.solve(m, reqs, 60, 0);
    assertThat(exact.method()).isEqualTo("lp");
    assertThat(dual.method()).isEqualTo("lagrangian-dual");
    assertThat(dual.pairs()).isGreaterThanOrEqualTo(exact.pairs() - 1e-6);
    assertThat(dual.pairs()).isLessThanOrEqualTo(exact.pairs() * 1.10);
  }
}
