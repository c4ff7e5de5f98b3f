package org.dpem.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The predictable workload: cycle times bursts, gravity pairs, drifting hot spots. */
class MixedWorkloadTest {
  static final List<String> NODES = IntStream.range(0, 20).mapToObj(i -> "n" + i).toList();
  static final long HOUR = 3_600_000_000_000L;

  static WorkloadSpec spec(double amplitude, double burstFactor, PairChooser pairs) {
    return new WorkloadSpec(new ArrivalProcess.DiurnalBursty(4, amplitude, 300, 0, burstFactor, 60, 10),
        pairs, RequestShape.defaults());
  }

  @Test
  void keepsItsMeanRateFollowsTheCycleAndBursts() {
    ArrivalProcess.DiurnalBursty a = new ArrivalProcess.DiurnalBursty(4, 0.6, 300, 0, 4, 60, 10);
    List<Request> r = new Workload(new WorkloadSpec(a, new PairChooser.Uniform(), RequestShape.defaults()),
        NODES, 3).generate(10 * HOUR);
    // bursts make the count overdispersed, so allow 10% around the mean over 10 hours
    assertThat((double) r.size()).isCloseTo(4 * 36000, within(0.1 * 4 * 36000));
    long peak = r.stream().filter(q -> q.arrivalSeconds() % 300 < 150).count();
    assertThat((double) peak / r.size()).isCloseTo((1 + 1.2 / Math.PI) / 2, within(0.03));
    // counts per 10 s, taken at the same phase of the cycle, vary far more than Poisson counts
    long[] bins = new long[3600];
    r.forEach(q -> bins[(int) (q.arrivalSeconds() / 10)]++);
    double[] samePhase = IntStream.range(0, bins.length).filter(i -> i % 30 == 7).mapToDouble(i -> bins[i]).toArray();
    double mean = java.util.Arrays.stream(samePhase).average().orElseThrow();
    double var = java.util.Arrays.stream(samePhase).map(x -> (x - mean) * (x - mean)).sum() / samePhase.length;
    assertThat(var).isGreaterThan(3 * mean);
  }

  @Test
  void gravityDrawsEndsInProportionToTheirWeights() {
    // n0 weighs 10, every other node 1: n0 is the source of 10/29 of the requests
    PairChooser.Gravity g = new PairChooser.Gravity(0, Map.of("n0", 10.0), 0, 0, 60);
    List<Request> r = new Workload(spec(0, 1, g), NODES, 4).generate(HOUR / 4);
    double fromN0 = r.stream().filter(q -> q.src().equals("n0")).count() / (double) r.size();
    assertThat(fromN0).isCloseTo(10.0 / 29, within(4 * Math.sqrt(0.35 * 0.65 / r.size())));
    // as a destination it is drawn among the other nodes' weights: (19/29) * 10/28
    double toN0 = r.stream().filter(q -> q.dst().equals("n0")).count() / (double) r.size();
    assertThat(toN0).isCloseTo(19.0 / 29 * 10 / 28, within(4 * Math.sqrt(0.25 * 0.75 / r.size())));
    assertThat(r).allSatisfy(q -> assertThat(q.src()).isNotEqualTo(q.dst()));
  }

  @Test
  void hotPairsPersistForMinutesAndThenDrift() {
    PairChooser.Gravity g = new PairChooser.Gravity(1, Map.of(), 4, 0.5, 120);
    Workload w = new Workload(spec(0.5, 3, g), NODES, 5);
    double[] times = IntStream.range(0, 361).mapToDouble(i -> i * 10.0).toArray();
    List<List<String[]>> hot = w.driftingHotPairs(times);
    int sameAfter10s = 0;
    int sameAfter10min = 0;
    int slots = 0;
    for (int i = 0; i + 60 < times.length; i++) {
      for (int k = 0; k < 4; k++) {
        slots++;
        sameAfter10s += java.util.Arrays.equals(hot.get(i).get(k), hot.get(i + 1).get(k)) ? 1 : 0;
        sameAfter10min += java.util.Arrays.equals(hot.get(i).get(k), hot.get(i + 60).get(k)) ? 1 : 0;
      }
    }
    // exponential lives of mean 120 s: exp(-10/120) = 0.92 survive 10 s, exp(-5) under 1% 10 min
    assertThat(sameAfter10s / (double) slots).isCloseTo(Math.exp(-10 / 120.0), within(0.04));
    assertThat(sameAfter10min / (double) slots).isLessThan(0.05);
    // and the requests do go to the pairs hot at their arrival: half of them, plus chance
    List<Request> r = w.generate(HOUR / 2);
    List<List<String[]>> at = new Workload(spec(0.5, 3, g), NODES, 5)
        .driftingHotPairs(r.stream().mapToDouble(Request::arrivalSeconds).toArray());
    long onHot = IntStream.range(0, r.size()).filter(i -> at.get(i).stream()
        .anyMatch(p -> p[0].equals(r.get(i).src()) && p[1].equals(r.get(i).dst()))).count();
    assertThat(onHot / (double) r.size()).isBetween(0.5, 0.6);
  }

  @Test
  void theSameSeedGivesTheSameRequests() {
    PairChooser.Gravity g = new PairChooser.Gravity(1, Map.of(), 4, 0.3, 120);
    List<Request> a = new Workload(spec(0.5, 3, g), NODES, 9).generate(HOUR / 6);
    List<Request> b = new Workload(spec(0.5, 3, g), NODES, 9).generate(HOUR / 6);
    List<Request> c = new Workload(spec(0.5, 3, g), NODES, 10).generate(HOUR / 6);
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }
}
