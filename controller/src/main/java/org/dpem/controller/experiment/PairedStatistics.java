package org.dpem.controller.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.special.Beta;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Statistics of one metric over methods measured on the same blocks (a block is a seed and a
 * sweep point: the same topology, capacities and requests for every method), so every test is a
 * paired, repeated-measures one. Only blocks in which every method has a value are used.
 *
 * <p>Omnibus: repeated-measures ANOVA (methods x blocks, no interaction term) and Friedman's rank
 * test, which does not assume normality; with few seeds normality cannot be checked, so both are
 * always reported. Pairwise, the focal method against each other: a paired t-test and the exact
 * Wilcoxon signed-rank test, each Holm-corrected over the comparisons; Cohen's d_z (mean paired
 * difference over its standard deviation); and a 95% percentile bootstrap interval, resampling
 * blocks, of the relative change of the means. The bootstrap's generator is seeded, so the same
 * table always gives the same interval.
 */
final class PairedStatistics {
  static final int BOOTSTRAP_SAMPLES = 10_000;

  record MethodStats(String method, int n, double mean, double sd) {}

  record Omnibus(int methods, int blocks, double anovaF, double anovaP, double friedmanChi2,
      double friedmanP) {}

  record Comparison(String focus, String other, int n, double meanFocus, double meanOther,
      double relativeChange, double ciLow, double ciHigh, double tTestP, double tTestPHolm,
      double wilcoxonP, double wilcoxonPHolm, double cohenDz) {}

  record Result(String metric, List<String> blocks, List<MethodStats> methods, Omnibus omnibus,
      List<Comparison> comparisons) {}

  private PairedStatistics() {}

  /**
   * @param values method to (block to value), methods in report order
   * @param focus the method compared against every other one (null: no pairwise comparisons)
   */
  static Result of(String metric, Map<String, Map<String, Double>> values, String focus) {
    List<String> methods = new ArrayList<>(values.keySet());
    List<String> blocks = new ArrayList<>();
    if (!methods.isEmpty()) {
      for (String b : values.get(methods.get(0)).keySet()) {
        boolean complete = true;
        for (String m : methods) {
          Double v = values.get(m).get(b);
          complete &= v != null && Double.isFinite(v);
        }
        if (complete) {
          blocks.add(b);
        }
      }
    }
    blocks.sort(Comparator.naturalOrder());
    double[][] x = new double[methods.size()][blocks.size()];
    for (int i = 0; i < methods.size(); i++) {
      for (int j = 0; j < blocks.size(); j++) {
        x[i][j] = values.get(methods.get(i)).get(blocks.get(j));
      }
    }
    List<MethodStats> stats = new ArrayList<>();
    for (int i = 0; i < methods.size(); i++) {
      stats.add(new MethodStats(methods.get(i), blocks.size(),
          blocks.isEmpty() ? Double.NaN : StatUtils.mean(x[i]),
          blocks.size() < 2 ? Double.NaN : Math.sqrt(StatUtils.variance(x[i]))));
    }
    List<Comparison> comparisons = new ArrayList<>();
    int f = focus == null ? -1 : methods.indexOf(focus);
    if (f >= 0) {
      for (int i = 0; i < methods.size(); i++) {
        if (i != f) {
          comparisons.add(compare(methods.get(f), x[f], methods.get(i), x[i]));
        }
      }
      comparisons = holm(comparisons);
    }
    return new Result(metric, blocks, stats, omnibus(x), comparisons);
  }

  static Omnibus omnibus(double[][] x) {
    int k = x.length;
    int n = k == 0 ? 0 : x[0].length;
    if (k < 2 || n < 2) {
      return new Omnibus(k, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double grand = 0;
    for (double[] row : x) {
      grand += StatUtils.sum(row);
    }
    grand /= k * n;
    double ssTotal = 0;
    double ssMethods = 0;
    double ssBlocks = 0;
    for (int i = 0; i < k; i++) {
      ssMethods += n * sq(StatUtils.mean(x[i]) - grand);
      for (int j = 0; j < n; j++) {
        ssTotal += sq(x[i][j] - grand);
      }
    }
    for (int j = 0; j < n; j++) {
      double m = 0;
      for (int i = 0; i < k; i++) {
        m += x[i][j];
      }
      ssBlocks += k * sq(m / k - grand);
    }
    double ssError = Math.max(0, ssTotal - ssMethods - ssBlocks);
    int dfM = k - 1;
    int dfE = (k - 1) * (n - 1);
    double fStat = ssMethods / dfM / (ssError / dfE);
    double anovaP = ssError > 1e-15 * Math.max(1, ssTotal)
        // the F survival function as a regularized beta: 1 - cdf rounds to 0 below about 1e-16
        ? Beta.regularizedBeta(dfE / (dfE + dfM * fStat), dfE / 2.0, dfM / 2.0)
        : ssMethods > 0 ? 0.0 : 1.0;
    if (ssError <= 1e-15 * Math.max(1, ssTotal)) {
      fStat = ssMethods > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    // Friedman: rank the methods within each block (ties share the average rank)
    NaturalRanking ranking = new NaturalRanking(TiesStrategy.AVERAGE);
    double[] rankSums = new double[k];
    double ties = 0;
    for (int j = 0; j < n; j++) {
      double[] col = new double[k];
      for (int i = 0; i < k; i++) {
        col[i] = x[i][j];
      }
      double[] r = ranking.rank(col);
      for (int i = 0; i < k; i++) {
        rankSums[i] += r[i];
      }
      double[] sorted = r.clone();
      Arrays.sort(sorted);
      for (int a = 0; a < k; ) {
        int b = a;
        while (b < k && sorted[b] == sorted[a]) {
          b++;
        }
        double t = b - a;
        ties += t * t * t - t;
        a = b;
      }
    }
    double sumSq = 0;
    for (double r : rankSums) {
      sumSq += r * r;
    }
    double q = 12.0 / (n * k * (k + 1.0)) * sumSq - 3.0 * n * (k + 1);
    double correction = 1 - ties / (n * ((double) k * k * k - k));
    double friedman = correction > 0 ? q / correction : Double.NaN;
    double friedmanP = Double.isFinite(friedman)
        ? 1 - new ChiSquaredDistribution(k - 1).cumulativeProbability(Math.max(0, friedman))
        : 1.0;
    return new Omnibus(k, n, fStat, clamp(anovaP), friedman, clamp(friedmanP));
  }

  static Comparison compare(String focus, double[] a, String other, double[] b) {
    int n = a.length;
    double ma = n == 0 ? Double.NaN : StatUtils.mean(a);
    double mb = n == 0 ? Double.NaN : StatUtils.mean(b);
    double rel = mb != 0 ? ma / mb - 1 : Double.NaN;
    double[] d = new double[n];
    for (int j = 0; j < n; j++) {
      d[j] = a[j] - b[j];
    }
    double sdD = n < 2 ? Double.NaN : Math.sqrt(StatUtils.variance(d));
    double meanD = n == 0 ? Double.NaN : StatUtils.mean(d);
    double dz = sdD > 0 ? meanD / sdD : Double.NaN;
    double tP;
    if (n < 2) {
      tP = Double.NaN;
    } else if (!(sdD > 0)) {
      // identical differences: no spread to test against; equal results are no evidence of a change
      tP = meanD == 0 ? 1.0 : Double.NaN;
    } else {
      tP = new TTest().pairedTTest(a, b);
    }
    double wP;
    boolean allZero = Arrays.stream(d).allMatch(v -> v == 0);
    if (n < 1 || allZero) {
      wP = n < 1 ? Double.NaN : 1.0;
    } else {
      wP = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(a, b, n <= 30);
    }
    double[] ci = bootstrap(a, b);
    return new Comparison(focus, other, n, ma, mb, rel, ci[0], ci[1], clamp(tP), Double.NaN,
        clamp(wP), Double.NaN, dz);
  }

  /** Percentile bootstrap of mean(a)/mean(b) - 1, resampling blocks with replacement. */
  static double[] bootstrap(double[] a, double[] b) {
    int n = a.length;
    if (n < 2) {
      return new double[] {Double.NaN, Double.NaN};
    }
    SplittableRandom rnd = new SplittableRandom(0x5eedL);
    double[] rel = new double[BOOTSTRAP_SAMPLES];
    int kept = 0;
    for (int s = 0; s < BOOTSTRAP_SAMPLES; s++) {
      double sa = 0;
      double sb = 0;
      for (int j = 0; j < n; j++) {
        int pick = rnd.nextInt(n);
        sa += a[pick];
        sb += b[pick];
      }
      if (sb != 0) {
        rel[kept++] = sa / sb - 1;
      }
    }
    if (kept == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double[] r = Arrays.copyOf(rel, kept);
    Arrays.sort(r);
    return new double[] {r[(int) Math.floor(0.025 * (kept - 1))], r[(int) Math.ceil(0.975 * (kept - 1))]};
  }

  /** Holm's step-down adjustment, applied separately to the t-test and the Wilcoxon p-values. */
  static List<Comparison> holm(List<Comparison> cs) {
    double[] t = holm(cs.stream().mapToDouble(Comparison::tTestP).toArray());
    double[] w = holm(cs.stream().mapToDouble(Comparison::wilcoxonP).toArray());
    List<Comparison> out = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      Comparison c = cs.get(i);
      out.add(new Comparison(c.focus(), c.other(), c.n(), c.meanFocus(), c.meanOther(),
          c.relativeChange(), c.ciLow(), c.ciHigh(), c.tTestP(), t[i], c.wilcoxonP(), w[i], c.cohenDz()));
    }
    return out;
  }

  static double[] holm(double[] p) {
    int m = p.length;
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    // NaN (no test possible) sorts last and stays NaN
    Arrays.sort(order, Comparator.comparingDouble(i -> Double.isNaN(p[i]) ? Double.POSITIVE_INFINITY : p[i]));
    double[] adj = new double[m];
    double running = 0;
    for (int r = 0; r < m; r++) {
      int i = order[r];
      if (Double.isNaN(p[i])) {
        adj[i] = Double.NaN;
        continue;
      }
      running = Math.max(running, Math.min(1, (m - r) * p[i]));
      adj[i] = running;
    }
    return adj;
  }

  private static double clamp(double p) {
    return Double.isNaN(p) ? p : Math.max(0, Math.min(1, p));
  }

  private static double sq(double v) {
    return v * v;
  }

  /** The values of {@code metric} from {@code results}, method to block to value, in method order. */
  static Map<String, Map<String, Double>> table(List<RunResult> results, List<String> methods, String metric) {
    Map<String, Map<String, Double>> t = new LinkedHashMap<>();
    for (String m : methods) {
      t.put(m, new LinkedHashMap<>());
    }
    for (RunResult r : results) {
      if (r.ok() && t.containsKey(r.spec().method())) {
        t.get(r.spec().method()).put(r.spec().block(), r.metric(metric));
      }
    }
    return t;
  }
}
