package org.dpem.learning.federated;

import java.util.SplittableRandom;

/**
 * A linear model y = w . x + b fitted by stochastic gradient descent on squared error: a small
 * but real model for an agent to train on its own data and federate while the PPO agents are
 * not there. Its parameters are one flat vector [w..., b], as federated averaging wants them.
 */
public final class LeastSquaresModel {
  /** Training or test data: row i of {@code x} predicts {@code y[i]}. */
  public record Samples(double[][] x, double[] y) {
    public Samples {
      if (x.length != y.length) {
        throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
      }
    }
  }

  private final float[] params;

  public LeastSquaresModel(int features) {
    if (features < 1) {
      throw new IllegalArgumentException("a model needs at least one feature, got " + features);
    }
    this.params = new float[features + 1];
  }

  /** Number of inputs. */
  public int features() {
    return params.length - 1;
  }

  /** A copy of the parameters [w..., b]. */
  public float[] parameters() {
    return params.clone();
  }

  /** Replaces the parameters, e.g. with the global model of a federation round. */
  public void setParameters(float[] p) {
    if (p.length != params.length) {
      throw new IllegalArgumentException("expected " + params.length + " parameters, got " + p.length);
    }
    System.arraycopy(p, 0, params, 0, p.length);
  }

  public double predict(double[] x) {
    double s = params[params.length - 1];
    for (int i = 0; i < x.length; i++) {
      s += params[i] * x[i];
    }
    return s;
  }

  /** Mean squared error on the samples. */
  public double mse(Samples d) {
    double[][] x = d.x();
    double[] y = d.y();
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double e = predict(x[i]) - y[i];
      s += e * e;
    }
    return y.length == 0 ? 0 : s / y.length;
  }

  /** {@code epochs} passes of SGD over the samples in an order shuffled by {@code seed}. */
  public void train(Samples d, int epochs, double learningRate, long seed) {
    double[][] x = d.x();
    double[] y = d.y();
    SplittableRandom r = new SplittableRandom(seed);
    int[] order = new int[y.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    int f = features();
    for (int e = 0; e < epochs; e++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int k : order) {
        double g = learningRate * (predict(x[k]) - y[k]);
        for (int i = 0; i < f; i++) {
          params[i] -= (float) (g * x[k][i]);
        }
        params[f] -= (float) g;
      }
    }
  }

  /**
   * The autoregressive data set of a series: inputs are the {@code lags} values before each
   * point, the target the point itself.
   */
  public static Samples lagged(double[] series, int lags) {
    int n = Math.max(0, series.length - lags);
    double[][] x = new double[n][lags];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      System.arraycopy(series, t, x[t], 0, lags);
      y[t] = series[t + lags];
    }
    return new Samples(x, y);
  }
}
