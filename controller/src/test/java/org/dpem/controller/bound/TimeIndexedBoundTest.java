package org.dpem.controller.bound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.request.Request;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.junit.jupiter.api.Test;

class TimeIndexedBoundTest {
  /** Lab links: herald probability 0.3, fidelity 0.97 (Werner 0.96); coherence 10 s. */
  static final double W_LINK = (4 * 0.97 - 1) / 3;

  static Request req(long id, String s, String d, int pairs, double arriveS, double deadlineS, double floor) {
    return new Request(id, NodeId.of(s), NodeId.of(d), floor, pairs, (long) (arriveS * 1e9),
        (long) (deadlineS * 1e9), 0);
  }

  @Test
  void aPeakCannotBorrowTheTroughsCapacity() {
    // one link, both ends 10 attempts/s at 0.3: 6 pairs/s. 20 requests of 10 pairs arrive in the
    // first 2 s with 2 s to run; nothing else arrives in the 100 s
    NetworkModel m = Lab.model(2, new int[0][], 10, 5, 10);
    List<Request> burst = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burst.add(req(i, "n0", "n1", 10, 0, 2, 0.96));
    }
    double pooled = UpperBound.solve(m, burst, 100).pairs();
    UpperBound.Result timed = TimeIndexedBound.solve(m, burst, 100, 2, Integer.MAX_VALUE);
    assertThat(timed.method()).isEqualTo("time-indexed-lp");
    // the pooled bound lets each request take its window's solo rate: 20 * min(10, 6 * 2)
    assertThat(pooled).isCloseTo(200, within(1e-6));
    // the floor leaves tau = (10 s / 2) ln(0.96 / w(0.96)) = 0.07 s of storage before arrival, which
    // is still window 0: 12 pairs in all
    assertThat(timed.pairs()).isCloseTo(12, within(1e-6));
  }

  @Test
  void pairsMayBeMadeAheadOfArrivalOnlyWithinWhatCoherenceAllows() {
    NetworkModel m = Lab.model(2, new int[0][], 10, 5, 10);
    // a request for 30 pairs arriving at 10 s with 2 s to run and a floor of 0.96: link pairs
    // may wait tau = (10 / 2) ln(0.96 / 0.9467) = 0.07 s, so window 8-10 opens, but the column's
    // cap is the solo rate (6 pairs/s) over [9.93, 12]
    double tauStrict = 5 * Math.log(W_LINK / ((4 * 0.96 - 1) / 3));
    double strict = TimeIndexedBound.solve(m, List.of(req(1, "n0", "n1", 30, 10, 12, 0.96)), 20, 2,
        Integer.MAX_VALUE).pairs();
    assertThat(strict).isCloseTo(6 * (2 + tauStrict), within(1e-6));
    // with a floor of 0.9 a link pair may wait tau = 5 ln(0.96 / 0.8667) = 0.51 s: the cap is
    // the solo rate over [9.49, 12]
    double tau = 5 * Math.log(W_LINK / ((4 * 0.9 - 1) / 3));
    double loose = TimeIndexedBound.solve(m, List.of(req(1, "n0", "n1", 30, 10, 12, 0.9)), 20, 2,
        Integer.MAX_VALUE).pairs();
    assertThat(loose).isCloseTo(6 * (2 + tau), within(1e-6));
  }

  @Test
  void equalsBruteForceOnTinyInstances() {
    // one link, windows of 2 s with 12 pairs each (6 pairs/s); requests with whole-second times and high floors
    // (tau 0.07 s), so that every optimum is whole: enumerate every integer schedule
    NetworkModel m = Lab.model(2, new int[0][], 10, 5, 10);
    SplittableRandom r = new SplittableRandom(11);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + r.nextInt(3);
      List<Request> reqs = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int a = 2 * r.nextInt(3) + r.nextInt(2);
        int d = Math.min(6, a + 1 + r.nextInt(3));
        // demand small enough that the column cap (6 pairs/s over the window) never binds
        int pairs = 1 + r.nextInt(Math.min(9, 6 * (d - a)));
        reqs.add(req(i, "n0", "n1", pairs, a, d, 0.96));
      }
      double lp = TimeIndexedBound.solve(m, reqs, 6, 2, Integer.MAX_VALUE).pairs();
      assertThat(lp).as("instance %d: %s", trial, reqs).isCloseTo(bruteForce(reqs, 3, 2, 12), within(1e-6));
    }
  }

  /** Best integer schedule: x[r][w] pairs of request r in window w, within each window's capacity. */
  static int bruteForce(List<Request> reqs, int windows, double windowS, int perWindow) {
    int[][] allowed = new int[reqs.size()][];
    for (int i = 0; i < reqs.size(); i++) {
      Request q = reqs.get(i);
      int w0 = (int) Math.floor(Math.max(0, q.arrivalNanos() / 1e9 - 0.07) / windowS);
      int w1 = (int) Math.ceil(q.deadlineNanos() / 1e9 / windowS) - 1;
      allowed[i] = new int[] {w0, Math.min(windows - 1, w1)};
    }
    return search(reqs, allowed, 0, new int[windows], perWindow);
  }

  private static int search(List<Request> reqs, int[][] allowed, int i, int[] used, int cap) {
    if (i == reqs.size()) {
      return 0;
    }
    return best(reqs, allowed, i, allowed[i][0], reqs.get(i).pairs(), used, cap);
  }

  /** Request i places up to {@code left} pairs in windows w..end, then the rest search on. */
  private static int best(List<Request> reqs, int[][] allowed, int i, int w, int left, int[] used, int cap) {
    if (w > allowed[i][1] || left == 0) {
      return search(reqs, allowed, i + 1, used, cap);
    }
    int best = 0;
    for (int x = 0; x <= Math.min(left, cap - used[w]); x++) {
      used[w] += x;
      best = Math.max(best, x + best(reqs, allowed, i, w + 1, left - x, used, cap));
      used[w] -= x;
    }
    return best;
  }

  @Test
  void theDualNeverUnderstatesTheExactProgramAndComesClose() {
    NetworkModel m = Lab.model(8, new int[][] {{0, 4}, {2, 6}, {7, 0}}, 10, 2, 10);
    SplittableRandom r = new SplittableRandom(5);
    List<Request> reqs = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      int s = r.nextInt(8);
      int d = (s + 1 + r.nextInt(7)) % 8;
      double a = 40 * r.nextDouble();
      reqs.add(req(i, "n" + s, "n" + d, 1 + r.nextInt(8), a, a + 2 + 8 * r.nextDouble(), 0.8 + 0.1 * r.nextDouble()));
    }
    UpperBound.Result exact = TimeIndexedBound.solve(m, reqs, 50, 5, Integer.MAX_VALUE);
    UpperBound.Result dual = TimeIndexedBound.solve(m, reqs, 50, 5, 0);
    assertThat(exact.method()).isEqualTo("time-indexed-lp");
    assertThat(dual.method()).isEqualTo("time-indexed-dual");
    assertThat(dual.note()).contains("exact limit");
    assertThat(dual.pairs()).isGreaterThanOrEqualTo(exact.pairs() - 1e-6);
    assertThat(dual.pairs()).isLessThanOrEqualTo(exact.pairs() * 1.10);
    // and it is tighter than the pooled bound on the same requests
    assertThat(exact.pairs()).isLessThanOrEqualTo(UpperBound.solve(m, reqs, 50).pairs() + 1e-6);
  }

  @Test
  void aGreedyFillIsFeasibleSoItNeverExceedsTheOptimum() {
    NetworkModel m = Lab.model(6, new int[][] {{0, 3}, {5, 0}}, 10, 1, 10);
    SplittableRandom r = new SplittableRandom(9);
    List<Request> reqs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int s = r.nextInt(6);
      int d = (s + 1 + r.nextInt(5)) % 6;
      double a = 20 * r.nextDouble();
      reqs.add(req(i, "n" + s, "n" + d, 1 + r.nextInt(8), a, a + 1 + 5 * r.nextDouble(), 0.85));
    }
    double exact = TimeIndexedBound.solve(m, reqs, 30, 5, Integer.MAX_VALUE).pairs();
    DualBound.Solution sol = TimeIndexedBound.dualOf(m, reqs, 30, 5, 200);
    assertThat(sol.lower()).isLessThanOrEqualTo(exact + 1e-6).isPositive();
    assertThat(sol.value()).isGreaterThanOrEqualTo(exact - 1e-6);
  }
}
