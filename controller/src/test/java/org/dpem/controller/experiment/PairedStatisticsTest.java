package org.dpem.controller.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PairedStatisticsTest {
  @Test
  void friedmanMatchesTheHandComputedStatistic() {
    // ranks per block: (1,2,3) (2,3,1) (1,3,2) (1,2,3); rank sums 5, 10, 9
    // Q = 12/(n k (k+1)) * (25 + 100 + 81) - 3 n (k+1) = 51.5 - 48 = 3.5; chi2(2): p = exp(-1.75)
    double[][] x = {{1, 2, 1, 1}, {2, 3, 3, 2}, {3, 1, 2, 3}};
    PairedStatistics.Omnibus o = PairedStatistics.omnibus(x);
    assertThat(o.friedmanChi2()).isCloseTo(3.5, within(1e-12));
    assertThat(o.friedmanP()).isCloseTo(Math.exp(-1.75), within(1e-9));
  }

  @Test
  void repeatedMeasuresAnovaMatchesTheResidualFormulation() {
    // F computed by hand from the residuals of the additive model x_ij - row_i - col_j + grand:
    // 7.425655976676386 on (2, 6) degrees of freedom; P(F > f) = (1 + 2f/6)^-3 = 0.0238261...
    double[][] x = {{3.0, 4.1, 5.2, 6.0}, {3.5, 4.0, 6.1, 7.2}, {2.9, 3.8, 5.0, 5.9}};
    PairedStatistics.Omnibus o = PairedStatistics.omnibus(x);
    assertThat(o.anovaF()).isCloseTo(7.425655976676386, within(1e-9));
    assertThat(o.anovaP()).isCloseTo(0.023826134765643294, within(1e-9));
  }

  @Test
  void aVeryStrongEffectKeepsAPositiveAnovaP() {
    // (2, 6) degrees of freedom again, F about 1e9: P(F > f) = (1 + f/3)^-3, far below what 1 - cdf
    // can represent (it printed 0.00 in a report)
    double[][] x = {{0, 0.01, -0.01, 0.02}, {100, 100.02, 99.99, 100.01}, {200, 199.98, 200.01, 200}};
    PairedStatistics.Omnibus o = PairedStatistics.omnibus(x);
    double expected = Math.pow(1 + o.anovaF() / 3, -3);
    assertThat(expected).isLessThan(1e-20);
    assertThat(o.anovaP()).isPositive().isCloseTo(expected, within(expected * 1e-6));
  }

  @Test
  void holmStepsDownAndStaysMonotone() {
    double[] adj = PairedStatistics.holm(new double[] {0.01, 0.04, 0.03});
    assertThat(adj).containsExactly(new double[] {0.03, 0.06, 0.06}, within(1e-12));
    assertThat(PairedStatistics.holm(new double[] {0.5, Double.NaN})[1]).isNaN();
  }

  @Test
  void aClearWinIsSignificantWithAnIntervalAroundTheTrueChange() {
    double[] base = {10, 12, 9, 11, 10.5, 9.5, 11.5, 10, 12.5, 9};
    double[] better = new double[base.length];
    for (int i = 0; i < base.length; i++) {
      better[i] = base[i] * 1.2 + (i % 2 == 0 ? 0.1 : -0.1);
    }
    PairedStatistics.Comparison c = PairedStatistics.compare("a", better, "b", base);
    assertThat(c.relativeChange()).isCloseTo(0.2, within(0.01));
    assertThat(c.ciLow()).isLessThan(0.2);
    assertThat(c.ciHigh()).isGreaterThan(0.2);
    assertThat(c.tTestP()).isLessThan(1e-6);
    assertThat(c.wilcoxonP()).isLessThan(0.01);
    assertThat(SummaryWriter.verdict(holmed(c), 0.25)).startsWith("not reproduced: better, but by less");
    assertThat(SummaryWriter.verdict(holmed(c), 0.15)).isEqualTo("reproduced");
    assertThat(SummaryWriter.verdict(holmed(c), -0.17)).startsWith("contradicted");
  }

  @Test
  void identicalResultsAreNoEvidenceOfAChange() {
    double[] a = {1, 2, 3};
    PairedStatistics.Comparison c = PairedStatistics.compare("a", a, "b", a.clone());
    assertThat(c.relativeChange()).isZero();
    assertThat(c.tTestP()).isEqualTo(1.0);
    assertThat(c.wilcoxonP()).isEqualTo(1.0);
    assertThat(SummaryWriter.verdict(holmed(c), 0.25)).startsWith("not established");
  }

  @Test
  void onlyBlocksEveryMethodCompletedAreUsed() {
    Map<String, Map<String, Double>> t = new LinkedHashMap<>();
    t.put("x", new LinkedHashMap<>(Map.of("s1", 1.0, "s2", 2.0, "s3", 3.0)));
    t.put("y", new LinkedHashMap<>(Map.of("s1", 1.5, "s3", Double.NaN)));
    PairedStatistics.Result r = PairedStatistics.of("m", t, "x");
    assertThat(r.blocks()).containsExactly("s1");
    assertThat(r.methods().get(0).mean()).isEqualTo(1.0);
  }

  @Property(tries = 200)
  void pValuesAlwaysLieInTheUnitInterval(
      @ForAll @Size(min = 3, max = 12) java.util.List<@DoubleRange(min = 0, max = 1) Double> a,
      @ForAll @DoubleRange(min = -0.5, max = 0.5) double shift) {
    double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] + shift * (i % 3) + 0.01 * i;
    }
    PairedStatistics.Comparison c = PairedStatistics.holm(java.util.List.of(
        PairedStatistics.compare("a", x, "b", y))).get(0);
    for (double p : new double[] {c.tTestP(), c.tTestPHolm(), c.wilcoxonP(), c.wilcoxonPHolm()}) {
      assertThat(Double.isNaN(p) || (p >= 0 && p <= 1)).as("p=%s", p).isTrue();
    }
    PairedStatistics.Omnibus o = PairedStatistics.omnibus(new double[][] {x, y});
    for (double p : new double[] {o.anovaP(), o.friedmanP()}) {
      assertThat(Double.isNaN(p) || (p >= 0 && p <= 1)).as("p=%s", p).isTrue();
    }
  }

  private static PairedStatistics.Comparison holmed(PairedStatistics.Comparison c) {
    return PairedStatistics.holm(java.util.List.of(c)).get(0);
  }
}
