package org.dpem.learning.privacy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tracks the privacy spent by repeated Poisson-sampled Gaussian mechanisms in Renyi DP and
 * converts it to (epsilon, delta).
 *
 * <p>RDP composes by addition, order by order. The conversion is the one Google's dp_accounting
 * ({@code compute_epsilon}) and Opacus ({@code get_privacy_spent}) use: Balle et al. 2020,
 * "Hypothesis Testing Interpretations and Renyi Differential Privacy", Theorem 21, also
 * Canonne, Kamath and Steinke 2020, Proposition 12:
 * epsilon = rdp + log(1 - 1/alpha) - log(delta alpha) / (alpha - 1), minimised over the orders,
 * tighter than the classic rdp + log(1/delta) / (alpha - 1). As dp_accounting does, orders at or
 * below 1.01 are not used (the bound is unstable there), epsilon is 0 when the KL bound
 * delta >= sqrt(1 - exp(-rdp)) already holds, and epsilon is never negative.
 *
 * <p>Not thread-safe; the aggregator owns one.
 */
public final class RdpAccountant {
  /**
   * The default orders: 1.1 to 10.9 in steps of 0.1 (Opacus's grid), every integer 11 to 64, and
   * 128, 256, 512, 1024. With the tenths this covers every integer from 2 to 64.
   */
  public static double[] defaultOrders() {
    List<Double> o = new ArrayList<>();
    for (int x = 1; x < 100; x++) {
      o.add(1 + x / 10.0);
    }
    for (int i = 11; i <= 64; i++) {
      o.add((double) i);
    }
    for (int i : new int[] {128, 256, 512, 1024}) {
      o.add((double) i);
    }
    return o.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private final double[] orders;
  private final double[] rdp;
  private final FractionalSeries series;

  public RdpAccountant() {
    this(defaultOrders(), FractionalSeries.ABSOLUTE);
  }

  public RdpAccountant(double[] orders, FractionalSeries series) {
    if (orders.length == 0) {
      throw new IllegalArgumentException("the accountant needs at least one order");
    }
    for (double o : orders) {
      if (!(o > 1)) {
        throw new IllegalArgumentException("Renyi orders must be greater than 1, got " + o);
      }
    }
    this.orders = orders.clone();
    this.rdp = new double[orders.length];
    this.series = series;
  }

  /** The orders, in the order given. */
  public double[] orders() {
    return orders.clone();
  }

  /** The RDP accumulated so far at each order. */
  public double[] rdp() {
    return rdp.clone();
  }

  /** Adds {@code steps} compositions of the mechanism with sampling rate q and noise multiplier z. */
  public RdpAccountant compose(double q, double z, long steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("steps must be at least 0, got " + steps);
    }
    for (int k = 0; k < orders.length; k++) {
      rdp[k] += steps == 0 ? 0 : steps * SampledGaussianRdp.rdp(q, z, orders[k], series);
    }
    return this;
  }

  /**
   * Adds RDP spent elsewhere, order by order (e.g. restored from a record of earlier rounds).
   *
   * @param values one value per order, in {@link #orders()} order, none negative or NaN
   */
  public RdpAccountant add(double[] values) {
    if (values.length != orders.length) {
      throw new IllegalArgumentException("expected " + orders.length + " RDP values, got " + values.length);
    }
    for (double v : values) {
      if (!(v >= 0)) {
        throw new IllegalArgumentException("RDP values must be at least 0, got " + v);
      }
    }
    for (int k = 0; k < rdp.length; k++) {
      rdp[k] += values[k];
    }
    return this;
  }

  /** How fractional orders are summed. */
  public FractionalSeries series() {
    return series;
  }

  /** An independent accountant with the same orders, series and spending so far. */
  public RdpAccountant copy() {
    RdpAccountant c = new RdpAccountant(orders, series);
    System.arraycopy(rdp, 0, c.rdp, 0, rdp.length);
    return c;
  }

  /** Epsilon at {@code delta}, with the order that gives it. */
  public PrivacySpent epsilon(double delta) {
    return epsilon(orders, rdp, delta);
  }

  /** Delta at {@code epsilon} (the inverse conversion, dp_accounting {@code compute_delta}). */
  public double delta(double epsilon) {
    if (epsilon < 0) {
      throw new IllegalArgumentException("epsilon must be at least 0, got " + epsilon);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int k = 0; k < orders.length; k++) {
      double a = orders[k];
      double r = rdp[k];
      double logDelta = r < 0 || r == 0 ? Double.NEGATIVE_INFINITY : 0.5 * Math.log1p(-Math.exp(-r));
      if (a > 1.01) {
        logDelta = Math.min(logDelta, (a - 1) * (r - epsilon + Math.log1p(-1 / a)) - Math.log(a));
      }
      best = Math.min(best, logDelta);
    }
    return Math.min(Math.exp(best), 1.0);
  }

  /** The conversion on any RDP curve (orders and values of the same length). */
  public static PrivacySpent epsilon(double[] orders, double[] rdp, double delta) {
    if (!(delta > 0 && delta < 1)) {
      throw new IllegalArgumentException("delta must be in (0, 1), got " + delta);
    }
    if (orders.length != rdp.length) {
      throw new IllegalArgumentException("orders and RDP values differ in length: " + orders.length + " and " + rdp.length);
    }
    double best = Double.POSITIVE_INFINITY;
    double bestOrder = Double.NaN;
    for (int k = 0; k < orders.length; k++) {
      double a = orders[k];
      double r = rdp[k];
      double e;
      if (r < 0 || delta * delta + Math.expm1(-r) > 0) {
        e = 0;
      } else if (a > 1.01) {
        e = r + Math.log1p(-1 / a) - Math.log(delta * a) / (a - 1);
      } else {
        e = Double.POSITIVE_INFINITY;
      }
      if (e < best) {
        best = e;
        bestOrder = a;
      }
    }
    return new PrivacySpent(Math.max(0, best), delta, bestOrder);
  }

  @Override
  public String toString() {
    return "RdpAccountant" + Arrays.toString(rdp);
  }
}
