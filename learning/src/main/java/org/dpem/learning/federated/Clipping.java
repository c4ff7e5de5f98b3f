package org.dpem.learning.federated;

/** L2 norms and clipping of parameter vectors. */
public final class Clipping {
  private Clipping() {}

  /** The L2 norm, accumulated in double. */
  public static double norm(float[] v) {
    double s = 0;
    for (float x : v) {
      s += (double) x * x;
    }
    return Math.sqrt(s);
  }

  /** A copy of {@code v} scaled down to L2 norm {@code bound} if it is longer; otherwise an unchanged copy. */
  public static float[] clip(float[] v, double bound) {
    float[] out = v.clone();
    double n = norm(v);
    if (n > bound) {
      // float rounding may leave the result a hair above the bound: aim slightly inside it
      double scale = bound / n * (1 - 1e-6);
      for (int i = 0; i < out.length; i++) {
        out[i] = (float) (v[i] * scale);
      }
    }
    return out;
  }

  /** The update an agent sends: {@code local - global}, clipped to {@code bound}. */
  public static float[] clippedDelta(float[] global, float[] local, double bound) {
    if (global.length != local.length) {
      throw new IllegalArgumentException("global and local weights differ in length: " + global.length + " and " + local.length);
    }
    float[] d = new float[local.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = local[i] - global[i];
    }
    return clip(d, bound);
  }
}
