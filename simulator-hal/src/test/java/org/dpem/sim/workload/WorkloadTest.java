package org.dpem.sim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkloadTest {
  static final List<String> NODES = IntStream.range(0, 20).mapToObj(i -> "n" + i).toList();
  static final long HOUR = 3_600_000_000_000L;

  @Test
  void poissonCountMatchesTheRate() {
    List<Request> r = new Workload(WorkloadSpec.poisson(2.0), NODES, 1).generate(HOUR);
    assertThat((double) r.size()).isCloseTo(7200, within(4 * Math.sqrt(7200)));
    for (int i = 1; i < r.size(); i++) {
      assertThat(r.get(i).arrivalNanos()).isGreaterThanOrEqualTo(r.get(i - 1).arrivalNanos());
    }
    assertThat(r).allSatisfy(q -> {
      assertThat(q.minFidelity()).isBetween(0.7, 0.9);
      assertThat(q.pairs()).isBetween(1, 5);
      assertThat(q.relativeDeadlineSeconds()).isBetween(5.0, 30.0);
      assertThat(NODES).contains(q.src(), q.dst());
    });
  }

  @Test
  void diurnalRateFollowsItsPeriodByTheAmplitude() {
    double period = 3600;
    WorkloadSpec s = new WorkloadSpec(new ArrivalProcess.Diurnal(5, 0.8, period, 0),
        new PairChooser.Uniform(), RequestShape.defaults());
    List<Request> r = new Workload(s, NODES, 2).generate(10 * HOUR);
    long peak = r.stream().filter(q -> (q.arrivalSeconds() % period) < period / 2).count();
    long trough = r.size() - peak;
    // integral of 1 + 0.8 sin over each half period: (1 +- 1.6/pi) / 2 of the total
    double expectedPeak = r.size() * (1 + 1.6 / Math.PI) / 2;
    assertThat((double) peak).isCloseTo(expectedPeak, within(4 * Math.sqrt(expectedPeak)));
    assertThat(peak).isGreaterThan(2 * trough);
    assertThat((double) r.size()).isCloseTo(5 * 36000, within(4 * Math.sqrt(5 * 36000)));
  }

  @Test
  void burstyArrivalsComeInBurstsAtTheMeanRate() {
    ArrivalProcess.Bursty b = new ArrivalProcess.Bursty(0.5, 20, 60, 10);
    assertThat(b.meanRatePerSecond()).isCloseTo((0.5 * 60 + 20 * 10) / 70.0, within(1e-12));
    List<Request> r = new Workload(new WorkloadSpec(b, new PairChooser.Uniform(), RequestShape.defaults()),
        NODES, 3).generate(10 * HOUR);
    assertThat((double) r.size()).isCloseTo(b.meanRatePerSecond() * 36000, within(0.15 * b.meanRatePerSecond() * 36000));
    // counts per 10 s are overdispersed: variance far above the Poisson variance (= mean)
    long[] bins = new long[3600];
    r.forEach(q -> bins[(int) (q.arrivalSeconds() / 10)]++);
    double mean = IntStream.range(0, bins.length).mapToDouble(i -> bins[i]).average().orElseThrow();
    double var = IntStream.range(0, bins.length).mapToDouble(i -> (bins[i] - mean) * (bins[i] - mean)).sum() / bins.length;
    assertThat(var).isGreaterThan(5 * mean);
  }

  @Test
  void hotspotsTakeTheirShare() {
    Workload w = new Workload(new WorkloadSpec(new ArrivalProcess.Poisson(10), new PairChooser.Hotspot(3, 0.6),
        RequestShape.defaults()), NODES, 4);
    List<String[]> hot = w.hotPairs();
    assertThat(hot).hasSize(3);
    List<Request> r = w.generate(HOUR / 4);
    long onHot = r.stream().filter(q -> hot.stream().anyMatch(h -> h[0].equals(q.src()) && h[1].equals(q.dst()))).count();
    // 60% plus the uniform part's 3/380 chance
    double p = 0.6 + 0.4 * 3.0 / 380;
    assertThat((double) onHot / r.size()).isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / r.size())));
  }

  @Test
  void predictabilityKnobSpansMemorylessToPeriodicAndConcentrated() {
    WorkloadSpec none = WorkloadSpec.predictable(1, 0, 86400);
    assertThat(((ArrivalProcess.Diurnal) none.arrivals()).amplitude()).isZero();
    assertThat(((PairChooser.Hotspot) none.pairs()).hotShare()).isZero();
    WorkloadSpec full = WorkloadSpec.predictable(1, 1, 86400);
    assertThat(((ArrivalProcess.Diurnal) full.arrivals()).amplitude()).isEqualTo(1);
    assertThat(((PairChooser.Hotspot) full.pairs()).hotShare()).isEqualTo(0.8);
    assertThatThrownBy(() -> WorkloadSpec.predictable(1, 1.5, 1)).hasMessageContaining("predictability");
  }

  @Test
  void generatedWorkloadsExportAndReplayExactly(@TempDir Path dir) throws Exception {
    List<Request> r = new Workload(WorkloadSpec.predictable(3, 0.5, 600), NODES, 5).generate(HOUR / 6);
    Path f = dir.resolve("trace.csv");
    TraceFile.write(r, f);
    assertThat(Files.readAllLines(f).get(0)).isEqualTo("timestamp_s,src,dst,min_fidelity,pairs,deadline_s");
    assertThat(TraceFile.read(f)).isEqualTo(r);
    assertThat(new Workload(WorkloadSpec.predictable(3, 0.5, 600), NODES, 5).generate(HOUR / 6)).isEqualTo(r);
  }

  @Test
  void traceErrorsNameFileAndLine() {
    String good = "timestamp_s,src,dst,min_fidelity,pairs,deadline_s\n# comment\n\n0.5,n1,n2,0.8,2,10\n";
    List<Request> r = TraceFile.parse(new StringReader(good), "t.csv");
    assertThat(r).containsExactly(new Request(500_000_000L, "n1", "n2", 0.8, 2, 10_500_000_000L));
    assertThatThrownBy(() -> TraceFile.parse(new StringReader(good + "1.0,n1,n3,high,1,5\n"), "t.csv"))
        .hasMessage("t.csv:5: min_fidelity: 'high' is not a number");
    assertThatThrownBy(() -> TraceFile.parse(new StringReader(good + "0.2,n1,n3,0.8,1,5\n"), "t.csv"))
        .hasMessage("t.csv:5: timestamp_s 0.2 goes back in time");
    assertThatThrownBy(() -> TraceFile.parse(new StringReader(good + "1,n1,n1,0.8,1,5\n"), "t.csv"))
        .hasMessageStartingWith("t.csv:5: request source and destination are both n1");
    assertThatThrownBy(() -> TraceFile.parse(new StringReader(good + "1,n1,n2,0.8,1\n"), "t.csv"))
        .hasMessageStartingWith("t.csv:5: expected 6 fields");
    assertThatThrownBy(() -> TraceFile.parse(new StringReader(good + "1,n1,n2,0.8,1,0\n"), "t.csv"))
        .hasMessageStartingWith("t.csv:5: deadline_s must be > 0");
    assertThatThrownBy(() -> TraceFile.parse(new StringReader("ts,a,b\n"), "t.csv"))
        .hasMessageStartingWith("t.csv:1: expected the header");
    assertThatThrownBy(() -> TraceFile.parse(new StringReader(""), "t.csv")).hasMessageContaining("empty trace");
  }

  @Test
  void writerUsesExactDecimals() throws Exception {
    StringWriter w = new StringWriter();
    TraceFile.write(List.of(new Request(1_000_000_001L, "a", "b", 0.85, 3, 11_000_000_001L)), w);
    assertThat(w.toString()).isEqualTo("timestamp_s,src,dst,min_fidelity,pairs,deadline_s\n1.000000001,a,b,0.85,3,10\n");
  }
}
