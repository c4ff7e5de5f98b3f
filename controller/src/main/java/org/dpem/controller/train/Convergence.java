package org.dpem.controller.train;

import java.util.List;

/**
 * Convergence as ARCHITECTURE.md defines it: the environment steps (and wall seconds) until the
 * moving average of the evaluation delivery rate stays within {@link #TOLERANCE} of the run's
 * final level. The final level is the moving average at the last evaluation. A curve is called
 * converged only if, after entering the band, it stayed there for at least a window's worth of
 * further evaluations, so that a curve entering the band at its last points does not count.
 */
public final class Convergence {
  /** Relative band around the final level. */
  public static final double TOLERANCE = 0.05;

  private Convergence() {}

  /**
   * @param converged whether the moving average stayed in the band for a window or more
   * @param index first evaluation from which the moving average stays in the band
   * @param steps environment steps at that evaluation
   * @param wallSeconds training wall seconds at that evaluation
   * @param finalLevel the moving average at the last evaluation
   */
  public record Result(boolean converged, int index, long steps, double wallSeconds,
      double finalLevel) {}

  /** One evaluation: training steps and wall seconds so far, and the delivery rate measured. */
  public record Point(long steps, double wallSeconds, double deliveryRate) {}

  public static Result detect(List<Point> points, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, was " + window);
    }
    int n = points.size();
    if (n == 0) {
      return new Result(false, -1, 0, 0, Double.NaN);
    }
    double[] ma = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += points.get(i).deliveryRate();
      if (i >= window) {
        sum -= points.get(i - window).deliveryRate();
      }
      ma[i] = sum / Math.min(i + 1, window);
    }
    double last = ma[n - 1];
    double band = TOLERANCE * Math.abs(last);
    int from = n - 1;
    while (from > 0 && Math.abs(ma[from - 1] - last) <= band) {
      from--;
    }
    Point p = points.get(from);
    return new Result(n - 1 - from >= window, from, p.steps(),
        p.wallSeconds(), last);
  }
}
