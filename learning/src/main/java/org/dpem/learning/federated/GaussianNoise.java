package org.dpem.learning.federated;

import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * Standard normal noise from a secure source, drawn in bulk: one {@code nextBytes} for the whole
 * vector, turned into normals by the Box-Muller transform. Drawing each value with
 * {@code nextGaussian} costs a synchronized call into the source per 32 bits, which made the
 * noise the slowest part of a round for a 10,000-parameter model.
 */
final class GaussianNoise {
  private GaussianNoise() {}

  /** {@code n} independent N(0, 1) values. */
  static double[] draw(SecureRandom random, int n) {
    int pairs = (n + 1) / 2;
    byte[] bytes = new byte[pairs * 16];
    random.nextBytes(bytes);
    ByteBuffer b = ByteBuffer.wrap(bytes);
    double[] out = new double[n];
    for (int i = 0; i < pairs; i++) {
      // uniforms with 53 random bits; u1 in (0, 1] so that its logarithm is finite
      double u1 = ((b.getLong() >>> 11) + 1) * 0x1.0p-53;
      double u2 = (b.getLong() >>> 11) * 0x1.0p-53;
      double r = Math.sqrt(-2 * Math.log(u1));
      out[2 * i] = r * Math.cos(2 * Math.PI * u2);
      if (2 * i + 1 < n) {
        out[2 * i + 1] = r * Math.sin(2 * Math.PI * u2);
      }
    }
    return out;
  }
}
