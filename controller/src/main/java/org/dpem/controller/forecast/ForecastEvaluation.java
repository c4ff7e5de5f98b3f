package org.dpem.controller.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.dpem.controller.run.Arrivals;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.learning.forecast.BatchForecaster;
import org.dpem.learning.forecast.Errors;
import org.dpem.learning.forecast.Ewma;
import org.dpem.learning.forecast.HoltWinters;
import org.dpem.learning.forecast.Lstm;
import org.dpem.learning.forecast.LstmSettings;
import org.dpem.learning.forecast.RollingOrigin;
import org.dpem.learning.forecast.SeasonalNaive;

/**
 * Fits and scores every forecaster on one workload's history, as {@code dpem forecast} does.
 *
 * <p>The history is cut in two. On the warm-up part the classical methods' parameters are
 * chosen, twice: each candidate is scored by rolling origin and the one with the lowest mean
 * absolute error gives the method's absolute-error figures (MAE, MASE), the one with the lowest
 * squared error its squared-error figures (RMSE, RMSSE), so that each criterion compares the
 * LSTM with the baseline at its best for that criterion. The LSTM trains online from epoch 0 as
 * it would in the controller. Then every method starts afresh on the whole history and is
 * scored, by rolling origin, on the origins after the warm-up only. No method sees an epoch
 * before it is scored on it; the fit uses the warm-up only.
 *
 * <p>A forecast of 0 is scored too, as a reference: where most nodes ask for nothing in most
 * steps, it beats every mean forecast on absolute error (the median of such a step is 0), so an
 * MAE-based win says little unless it also beats that reference. Squared error has no such
 * blind spot: its best forecast is the mean.
 */
public final class ForecastEvaluation {
  static final double[] EWMA_ALPHAS = {0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5};
  static final double[] HW_ALPHAS = {0.005, 0.02, 0.1};
  static final double[] HW_BETAS = {0, 0.001};
  static final double[] HW_GAMMAS = {0.01, 0.05, 0.2};
  /** Nodes drawn in the plot. */
  static final int TRACED = 3;
  /** The reference forecast's name; it is reported apart from the methods. */
  static final String ZERO = "zero";
  /** Suffix of a classical method's instance fitted by squared error. */
  private static final String SQ = "/squared-error-fit";

  /**
   * Every count here is in forecast steps of {@code stepEpochs} control epochs each.
   *
   * @param epochs steps of history
   * @param warmup steps used to fit, never scored
   * @param horizon steps forecast
   * @param groups destination groups per node
   * @param season steps per season
   * @param stepEpochs control epochs summed into one forecast step
   */
  public record Settings(long epochs, long warmup, int horizon, int groups, int season, int stepEpochs,
      LstmSettings lstm) {
    public Settings {
      if (warmup < 1 || warmup >= epochs - horizon) {
        throw new IllegalArgumentException("the warm-up (" + warmup + " epochs) must leave epochs to score (of "
            + epochs + ")");
      }
    }
  }

  /**
   * One method's scores: overall, per horizon step and per node group. MASE is its MAE over
   * seasonal naive's, RMSSE its RMSE over seasonal naive's, on the same origins; {@code byGroup}
   * holds MAE, RMSE, MASE and RMSSE per node group.
   */
  public record MethodScore(String name, String parameters, double mae, double rmse, double mase, double rmsse,
      double[] maeByStep, double[] rmseByStep, double[] maseByStep, Map<String, double[]> byGroup) {}

  /**
   * @param groups node groups by demand: name to the node indices in it
   * @param traced the busiest nodes of the warm-up, drawn in the plot
   * @param actual their actual demand per epoch {@code [epoch][traced]}
   * @param oneStep each method's one-step forecasts for them
   * @param zero the forecast of 0, scored as a reference
   */
  public record Result(List<MethodScore> methods, int horizon, int nodes, long epochs, long warmup,
      int season, int stepEpochs, Map<String, int[]> groups, int[] traced, List<double[]> actual,
      Map<String, List<double[]>> oneStep, long lstmRounds, MethodScore zero) {}

  private ForecastEvaluation() {}

  /** @param arrivals a fresh source of the same requests for each pass */
  public static Result run(NetworkModel model, long epochNanos, Supplier<Arrivals> arrivals, Settings s) {
    int n = model.nodeCount();
    // pass 1: the warm-up, to fit the classical methods and pick the nodes to draw
    EpochCounts warm = new EpochCounts(arrivals.get(), model, epochNanos * s.stepEpochs(), s.groups());
    List<double[][]> early = new ArrayList<>();
    double[] warmDemand = new double[n];
    for (long t = 0; t < s.warmup(); t++) {
      double[][] c = warm.next();
      early.add(c);
      for (int u = 0; u < n; u++) {
        warmDemand[u] += Arrays.stream(c[u]).sum();
      }
    }
    Fit ewma = best(early, EWMA_ALPHAS.length, i -> perUnit(n, () -> new Ewma(s.groups(), s.horizon(), EWMA_ALPHAS[i])),
        i -> "alpha=" + EWMA_ALPHAS[i]);
    int hwCount = HW_ALPHAS.length * HW_BETAS.length * HW_GAMMAS.length;
    Fit hw = best(early, hwCount, i -> perUnit(n, () -> holtWinters(s, i)), i -> hwName(i));
    early.clear();
    int[] traced = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble((Integer u) -> -warmDemand[u]).thenComparing(u -> u))
        .limit(Math.min(TRACED, n)).mapToInt(Integer::intValue).toArray();

    // pass 2: every method afresh on the whole history, scored after the warm-up
    Lstm lstm = new Lstm(n, s.groups(), s.horizon(), s.lstm());
    try {
      List<BatchForecaster> methods = List.of(lstm,
          perUnit(n, () -> new Ewma(s.groups(), s.horizon(), EWMA_ALPHAS[ewma.byAbs])),
          perUnit(n, () -> new SeasonalNaive(s.groups(), s.horizon(), s.season())),
          perUnit(n, () -> holtWinters(s, hw.byAbs)),
          named("ewma" + SQ, perUnit(n, () -> new Ewma(s.groups(), s.horizon(), EWMA_ALPHAS[ewma.bySquares]))),
          named("holt-winters" + SQ, perUnit(n, () -> holtWinters(s, hw.bySquares))),
          perUnit(n, () -> new Zero(s.groups(), s.horizon())));
      RollingOrigin eval = new RollingOrigin(methods, s.warmup(), traced);
      EpochCounts all = new EpochCounts(arrivals.get(), model, epochNanos * s.stepEpochs(), s.groups());
      double[] demand = new double[n];
      for (long t = 0; t < s.epochs(); t++) {
        double[][] c = all.next();
        if (t > s.warmup()) {
          for (int u = 0; u < n; u++) {
            demand[u] += Arrays.stream(c[u]).sum();
          }
        }
        eval.step(c);
      }
      Map<String, int[]> groups = quartiles(demand);
      Errors scale = eval.errors("seasonal-naive");
      Map<String, String> params = new LinkedHashMap<>();
      params.put("lstm", lstmName(s.lstm()));
      params.put("ewma", ewma.name);
      params.put("seasonal-naive", "season=" + s.season());
      params.put("holt-winters", hw.name + ",season=" + s.season());
      List<MethodScore> scores = new ArrayList<>();
      Map<String, List<double[]>> oneStep = new LinkedHashMap<>();
      for (String name : params.keySet()) {
        Errors squares = eval.names().contains(name + SQ) ? eval.errors(name + SQ) : eval.errors(name);
        scores.add(score(name, params.get(name), eval.errors(name), squares, scale, groups));
        oneStep.put(name, eval.tracedForecast(name));
      }
      MethodScore zero = score(ZERO, "", eval.errors(ZERO), eval.errors(ZERO), scale, groups);
      return new Result(scores, s.horizon(), n, s.epochs(), s.warmup(), s.season(), s.stepEpochs(), groups, traced,
          eval.tracedActual(), oneStep, lstm.rounds(), zero);
    } finally {
      lstm.close();
    }
  }

  private static HoltWinters holtWinters(Settings s, int i) {
    int a = i / (HW_BETAS.length * HW_GAMMAS.length);
    int b = (i / HW_GAMMAS.length) % HW_BETAS.length;
    int g = i % HW_GAMMAS.length;
    return new HoltWinters(s.groups(), s.horizon(), s.season(), HW_ALPHAS[a], HW_BETAS[b], HW_GAMMAS[g]);
  }

  private static String hwName(int i) {
    int a = i / (HW_BETAS.length * HW_GAMMAS.length);
    int b = (i / HW_GAMMAS.length) % HW_BETAS.length;
    int g = i % HW_GAMMAS.length;
    return "alpha=" + HW_ALPHAS[a] + ",beta=" + HW_BETAS[b] + ",gamma=" + HW_GAMMAS[g];
  }

  private static String lstmName(LstmSettings l) {
    return "hidden=" + l.hidden() + ",window=" + l.window() + ",train_every=" + l.trainEvery()
        + ",steps=" + l.stepsPerRound() + ",lr=" + l.learningRate() + ",season=" + l.season()
        + ",base_alpha=" + l.baseAlpha();
  }

  /** The candidates with the lowest absolute and the lowest squared error on the warm-up. */
  private record Fit(int byAbs, int bySquares, String name) {}

  private static Fit best(List<double[][]> history, int candidates,
      java.util.function.IntFunction<BatchForecaster> make, java.util.function.IntFunction<String> name) {
    int byAbs = 0;
    int bySquares = 0;
    double bestMae = Double.POSITIVE_INFINITY;
    double bestRmse = Double.POSITIVE_INFINITY;
    for (int i = 0; i < candidates; i++) {
      RollingOrigin r = new RollingOrigin(List.of(make.apply(i)), 0, new int[0]);
      for (double[][] c : history) {
        r.step(c);
      }
      Errors e = r.errors(r.names().get(0));
      if (e.mae(u -> true) < bestMae) {
        bestMae = e.mae(u -> true);
        byAbs = i;
      }
      if (e.rmse(u -> true) < bestRmse) {
        bestRmse = e.rmse(u -> true);
        bySquares = i;
      }
    }
    String both = byAbs == bySquares ? name.apply(byAbs)
        : name.apply(byAbs) + " (MAE, MASE); " + name.apply(bySquares) + " (RMSE, RMSSE)";
    return new Fit(byAbs, bySquares, both);
  }

  /** The reference forecast: nothing, ever. */
  private record Zero(int series, int horizon) implements org.dpem.learning.forecast.Forecaster {
    @Override
    public String name() {
      return ZERO;
    }

    @Override
    public void observe(double[] counts) {}

    @Override
    public double[][] forecast() {
      return new double[horizon][series];
    }
  }

  /** The same forecasters under another name, to score a second fit of a method beside the first. */
  private static BatchForecaster named(String name, BatchForecaster b) {
    return new BatchForecaster() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public int units() {
        return b.units();
      }

      @Override
      public int series() {
        return b.series();
      }

      @Override
      public int horizon() {
        return b.horizon();
      }

      @Override
      public void observe(double[][] counts) {
        b.observe(counts);
      }

      @Override
      public double[][][] forecast() {
        return b.forecast();
      }
    };
  }

  private static BatchForecaster perUnit(int n, Supplier<org.dpem.learning.forecast.Forecaster> f) {
    return BatchForecaster.perUnit(n, u -> f.get());
  }

  /** Nodes in four groups by their demand over the scored epochs, busiest first. */
  static Map<String, int[]> quartiles(double[] demand) {
    int n = demand.length;
    int[] order = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble((Integer u) -> -demand[u]).thenComparing(u -> u))
        .mapToInt(Integer::intValue).toArray();
    String[] names = {"busiest-quarter", "second-quarter", "third-quarter", "quietest-quarter"};
    Map<String, int[]> g = new LinkedHashMap<>();
    for (int q = 0; q < 4; q++) {
      int from = q * n / 4;
      int to = (q + 1) * n / 4;
      if (to > from) {
        g.put(names[q], Arrays.copyOfRange(order, from, to));
      }
    }
    return g;
  }

  /** @param e the errors of the absolute-error fit, {@code sq} those of the squared-error fit */
  private static MethodScore score(String name, String params, Errors e, Errors sq, Errors scale,
      Map<String, int[]> groups) {
    IntPredicate all = u -> true;
    int h = e.horizon();
    double[] mae = new double[h];
    double[] rmse = new double[h];
    double[] mase = new double[h];
    for (int k = 0; k < h; k++) {
      mae[k] = e.mae(k, all);
      rmse[k] = sq.rmse(k, all);
      mase[k] = e.mase(scale, k, all);
    }
    Map<String, double[]> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> g : groups.entrySet()) {
      boolean[] in = new boolean[e.units()];
      for (int u : g.getValue()) {
        in[u] = true;
      }
      IntPredicate p = u -> in[u];
      byGroup.put(g.getKey(), new double[] {e.mae(p), sq.rmse(p), e.mase(scale, -1, p), sq.rmse(p) / scale.rmse(p)});
    }
    return new MethodScore(name, params, e.mae(all), sq.rmse(all), e.mase(scale, -1, all), sq.rmse(all) / scale.rmse(all),
        mae, rmse, mase, byGroup);
  }
}
