package org.dpem.learning.federated;

import java.util.Arrays;
import java.util.List;

/** Coordinate-wise robust estimates of the mean of a set of vectors. */
final class RobustMean {
  private RobustMean() {}

  /** In each coordinate, drops floor(trim * n) values at each end and averages the rest. */
  static double[] trimmedMean(List<float[]> xs, int dim, double trim) {
    int n = xs.size();
    int k = (int) Math.floor(trim * n);
    double[] out = new double[dim];
    double[] col = new double[n];
    for (int j = 0; j < dim; j++) {
      for (int i = 0; i < n; i++) {
        col[i] = xs.get(i)[j];
      }
      Arrays.sort(col);
      double s = 0;
      for (int i = k; i < n - k; i++) {
        s += col[i];
      }
      out[j] = s / (n - 2 * k);
    }
    return out;
  }

  /** In each coordinate, the median (the mean of the middle two for an even count). */
  static double[] median(List<float[]> xs, int dim) {
    int n = xs.size();
    double[] out = new double[dim];
    double[] col = new double[n];
    for (int j = 0; j < dim; j++) {
      for (int i = 0; i < n; i++) {
        col[i] = xs.get(i)[j];
      }
      Arrays.sort(col);
      out[j] = n % 2 == 1 ? col[n / 2] : 0.5 * (col[n / 2 - 1] + col[n / 2]);
    }
    return out;
  }
}
