package org.dpem.learning.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolling-origin evaluation of several forecasters on one history, fed one epoch at a time.
 * At every epoch each method first has its earlier forecasts for this epoch scored against
 * what happened, and only then observes it and forecasts again: no method ever sees the epoch
 * it is scored on. The scored quantity is each unit's total over its series (its demand).
 * Forecasts made at origins before {@code scoreFrom} (the warm-up) are not scored.
 */
public final class RollingOrigin {
  private final List<BatchForecaster> methods;
  private final long scoreFrom;
  private final int horizon;
  private final int units;
  private final Map<String, Errors> errors = new LinkedHashMap<>();
  /** per method: ring over origins of [unit][step] totals */
  private final List<double[][][]> pending = new ArrayList<>();
  private final int[] traced;
  private final List<double[]> traceActual = new ArrayList<>();
  private final Map<String, List<double[]>> traceForecast = new LinkedHashMap<>();
  private long t;

  /**
   * @param traced units whose actual totals and one-step forecasts are kept for plotting
   */
  public RollingOrigin(List<BatchForecaster> methods, long scoreFrom, int[] traced) {
    if (methods.isEmpty()) {
      throw new IllegalArgumentException("no forecaster to evaluate");
    }
    this.methods = List.copyOf(methods);
    this.scoreFrom = scoreFrom;
    this.horizon = methods.get(0).horizon();
    this.units = methods.get(0).units();
    this.traced = traced.clone();
    for (BatchForecaster m : methods) {
      if (m.horizon() != horizon || m.units() != units) {
        throw new IllegalArgumentException(m.name() + " has another horizon or unit count than " + methods.get(0).name());
      }
      if (errors.put(m.name(), new Errors(units, horizon)) != null) {
        throw new IllegalArgumentException("two forecasters are named " + m.name());
      }
      pending.add(new double[horizon][][]);
      traceForecast.put(m.name(), new ArrayList<>());
    }
  }

  /** Scores, then feeds, epoch t's counts {@code [unit][series]}. */
  public void step(double[][] counts) {
    double[] actual = new double[units];
    for (int u = 0; u < units; u++) {
      for (double v : counts[u]) {
        actual[u] += v;
      }
    }
    double[] tracedActual = new double[traced.length];
    for (int i = 0; i < traced.length; i++) {
      tracedActual[i] = actual[traced[i]];
    }
    traceActual.add(tracedActual);
    for (int m = 0; m < methods.size(); m++) {
      Errors e = errors.get(methods.get(m).name());
      double[][][] ring = pending.get(m);
      for (int k = 0; k < horizon; k++) {
        long origin = t - 1 - k;
        if (origin < scoreFrom || origin < 0) {
          continue;
        }
        double[][] f = ring[(int) (origin % horizon)];
        for (int u = 0; u < units; u++) {
          e.add(u, k, f[u][k] - actual[u]);
        }
        e.counted(k);
      }
      double[] tracedOne = new double[traced.length];
      if (t > 0) {
        double[][] f = ring[(int) ((t - 1) % horizon)];
        for (int i = 0; i < traced.length; i++) {
          tracedOne[i] = f[traced[i]][0];
        }
      }
      traceForecast.get(methods.get(m).name()).add(tracedOne);
      BatchForecaster method = methods.get(m);
      method.observe(counts);
      double[][][] next = method.forecast();
      double[][] totals = new double[units][horizon];
      for (int u = 0; u < units; u++) {
        for (int k = 0; k < horizon; k++) {
          for (double v : next[u][k]) {
            totals[u][k] += v;
          }
        }
      }
      ring[(int) (t % horizon)] = totals;
    }
    t++;
  }

  /** Epochs fed so far. */
  public long epochs() {
    return t;
  }

  public List<String> names() {
    return List.copyOf(errors.keySet());
  }

  public Errors errors(String method) {
    Errors e = errors.get(method);
    if (e == null) {
      throw new IllegalArgumentException("no forecaster named " + method + " (known: " + errors.keySet() + ")");
    }
    return e;
  }

  /** The traced units' actual totals per epoch, {@code [epoch][traced unit]}. */
  public List<double[]> tracedActual() {
    return List.copyOf(traceActual);
  }

  /** A method's one-step forecasts for the traced units, {@code [epoch][traced unit]} (0 at epoch 0). */
  public List<double[]> tracedForecast(String method) {
    return List.copyOf(traceForecast.get(method));
  }
}
