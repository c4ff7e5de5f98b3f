package org.dpem.learning.forecast;

import java.util.function.IntPredicate;

/**
 * One method's forecast errors from a rolling-origin evaluation, kept per unit and per
 * horizon step so that they can be summed over any group of units: absolute and squared
 * errors, and how many origins each step was scored at (the same for every unit).
 */
public final class Errors {
  private final double[][] abs;
  private final double[][] sq;
  private final long[] n;

  Errors(int units, int horizon) {
    abs = new double[units][horizon];
    sq = new double[units][horizon];
    n = new long[horizon];
  }

  void add(int unit, int step, double error) {
    abs[unit][step] += Math.abs(error);
    sq[unit][step] += error * error;
  }

  void counted(int step) {
    n[step]++;
  }

  public int units() {
    return abs.length;
  }

  public int horizon() {
    return n.length;
  }

  /** Mean absolute error at {@code step} (0-based) over the units {@code in} accepts. */
  public double mae(int step, IntPredicate in) {
    return sum(abs, step, in) / count(step, in);
  }

  /** Root mean squared error at {@code step} over the units {@code in} accepts. */
  public double rmse(int step, IntPredicate in) {
    return Math.sqrt(sum(sq, step, in) / count(step, in));
  }

  /** Mean absolute error over all steps. */
  public double mae(IntPredicate in) {
    return sumAll(abs, in) / countAll(in);
  }

  /** Root mean squared error over all steps. */
  public double rmse(IntPredicate in) {
    return Math.sqrt(sumAll(sq, in) / countAll(in));
  }

  /**
   * MASE: this method's mean absolute error over that of {@code scale} (seasonal naive) on the
   * same origins, steps and units; below 1 is better than the scale. {@code step} -1: all steps.
   */
  public double mase(Errors scale, int step, IntPredicate in) {
    return step < 0 ? sumAll(abs, in) / scale.sumAll(scale.abs, in)
        : sum(abs, step, in) / scale.sum(scale.abs, step, in);
  }

  private double sum(double[][] a, int step, IntPredicate in) {
    double s = 0;
    for (int u = 0; u < a.length; u++) {
      if (in.test(u)) {
        s += a[u][step];
      }
    }
    return s;
  }

  private double sumAll(double[][] a, IntPredicate in) {
    double s = 0;
    for (int step = 0; step < n.length; step++) {
      s += sum(a, step, in);
    }
    return s;
  }

  private double count(int step, IntPredicate in) {
    long units = 0;
    for (int u = 0; u < abs.length; u++) {
      if (in.test(u)) {
        units++;
      }
    }
    return (double) units * n[step];
  }

  private double countAll(IntPredicate in) {
    double c = 0;
    for (int step = 0; step < n.length; step++) {
      c += count(step, in);
    }
    return c;
  }
}
