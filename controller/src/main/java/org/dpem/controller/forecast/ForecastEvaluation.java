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
 * chosen (each candidate scored by rolling origin, the lowest mean absolute error kept); the
 * LSTM trains online from epoch 0 as it would in the controller. Then every method starts
 * afresh on the whole history and is scored, by rolling origin, on the origins after the
 * warm-up only. No method sees an epoch before it is scored on it; the fit uses the warm-up only.
 */
public final class ForecastEvaluation {
  static final double[] EWMA_ALPHAS = {0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5};
  static final double[] HW_ALPHAS = {0.005, 0.02, 0.1};
  static final double[] HW_BETAS = {0, 0.001};
  static final double[] HW_GAMMAS = {0.01, 0.05, 0.2};
  /** Nodes drawn in the plot. */
  static final int TRACED = 3;

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

  /** One method's scores: overall, per horizon step and per node group (MASE against seasonal naive). */
  public record MethodScore(String name, String parameters, double mae, double rmse, double mase,
      double[] maeByStep, double[] rmseByStep, double[] maseByStep, Map<String, double[]> byGroup) {}

  /**
   * @param groups node groups by demand: name to the node indices in it
   * @param traced the busiest nodes of the warm-up, drawn in the plot
   * @param actual their actual demand per epoch {@code [epoch][traced]}
   * @param oneStep each method's one-step forecasts for them
   */
  public record Result(List<MethodScore> methods, int horizon, int nodes, long epochs, long warmup,
      int season, int stepEpochs, Map<String, int[]> groups, int[] traced, List<double[]> actual,
      Map<String, List<double[]>> oneStep, long lstmRounds) {}

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
    Fit ewma = best(early, s, EWMA_ALPHAS.length, i -> perUnit(n, () -> new Ewma(s.groups(), s.horizon(), EWMA_ALPHAS[i])),
        i -> "alpha=" + EWMA_ALPHAS[i]);
    int hwCount = HW_ALPHAS.length * HW_BETAS.length * HW_GAMMAS.length;
    Fit hw = best(early, s, hwCount, i -> perUnit(n, () -> holtWinters(s, i)), i -> hwName(i));
    early.clear();
    int[] traced = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingDouble((Integer u) -> -warmDemand[u]).thenComparing(u -> u))
        .limit(Math.min(TRACED, n)).mapToInt(Integer::intValue).toArray();

    // pass 2: every method afresh on the whole history, scored after the warm-up
    Lstm lstm = new Lstm(n, s.groups(), s.horizon(), s.lstm());
    try {
      List<BatchForecaster> methods = List.of(lstm,
          perUnit(n, () -> new Ewma(s.groups(), s.horizon(), EWMA_ALPHAS[ewma.index])),
          perUnit(n, () -> new SeasonalNaive(s.groups(), s.horizon(), s.season())),
          perUnit(n, () -> holtWinters(s, hw.index)));
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
      Map<String, String> params = Map.of("lstm", lstmName(s.lstm()), "ewma", ewma.name,
          "seasonal-naive", "season=" + s.season(), "holt-winters", hw.name + ",season=" + s.season());
      List<MethodScore> scores = new ArrayList<>();
      Map<String, List<double[]>> oneStep = new LinkedHashMap<>();
      for (String name : eval.names()) {
        scores.add(score(name, params.get(name), eval.errors(name), scale, groups));
        oneStep.put(name, eval.tracedForecast(name));
      }
      return new Result(scores, s.horizon(), n, s.epochs(), s.warmup(), s.season(), s.stepEpochs(), groups, traced,
          eval.tracedActual(), oneStep, lstm.rounds());
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
        + ",steps=" + l.stepsPerRound() + ",lr=" + l.learningRate() + ",season=" + l.season();
  }

  private record Fit(int index, String name) {}

  private static Fit best(List<double[][]> history, Settings s, int candidates,
      java.util.function.IntFunction<BatchForecaster> make, java.util.function.IntFunction<String> name) {
    int best = 0;
    double bestMae = Double.POSITIVE_INFINITY;
    for (int i = 0; i < candidates; i++) {
      RollingOrigin r = new RollingOrigin(List.of(make.apply(i)), 0, new int[0]);
      for (double[][] c : history) {
        r.step(c);
      }
      double mae = r.errors(r.names().get(0)).mae(u -> true);
      if (mae < bestMae) {
        bestMae = mae;
        best = i;
      }
    }
    return new Fit(best, name.apply(best));
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

  private static MethodScore score(String name, String params, Errors e, Errors scale, Map<String, int[]> groups) {
    IntPredicate all = u -> true;
    int h = e.horizon();
    double[] mae = new double[h];
    double[] rmse = new double[h];
    double[] mase = new double[h];
    for (int k = 0; k < h; k++) {
      mae[k] = e.mae(k, all);
      rmse[k] = e.rmse(k, all);
      mase[k] = e.mase(scale, k, all);
    }
    Map<String, double[]> byGroup = new LinkedHashMap<>();
    for (Map.Entry<String, int[]> g : groups.entrySet()) {
      boolean[] in = new boolean[e.units()];
      for (int u : g.getValue()) {
        in[u] = true;
      }
      IntPredicate p = u -> in[u];
      byGroup.put(g.getKey(), new double[] {e.mae(p), e.rmse(p), e.mase(scale, -1, p)});
    }
    return new MethodScore(name, params, e.mae(all), e.rmse(all), e.mase(scale, -1, all), mae, rmse, mase, byGroup);
  }
}
