package org.dpem.sim.physics;

/** Optical fibre: loss and propagation delay. */
public final class Fibre {
  /** Light in fibre covers about 200,000 km/s: 5 microseconds per km. */
  public static final double NANOS_PER_KM = 5_000.0;

  private Fibre() {}

  /** Transmissivity eta = 10^(-a L / 10) of {@code lengthKm} at {@code dbPerKm}. */
  public static double transmissivity(double lengthKm, double dbPerKm) {
    requireNonNegative(lengthKm, "fibre length (km)");
    requireNonNegative(dbPerKm, "attenuation (dB/km)");
    return Math.pow(10.0, -dbPerKm * lengthKm / 10.0);
  }

  /** Fraction of photons lost per km, 1 - 10^(-a/10). */
  public static double lossPerKm(double dbPerKm) {
    return 1.0 - transmissivity(1.0, dbPerKm);
  }

  /** One-way propagation delay over {@code lengthKm}, nanoseconds (also a classical hop). */
  public static long delayNanos(double lengthKm) {
    requireNonNegative(lengthKm, "fibre length (km)");
    return Math.round(lengthKm * NANOS_PER_KM);
  }

  /**
   * Delay of a classical message relayed hop by hop over links of the given lengths (each hop
   * adds its fibre delay; relaying itself is taken as instantaneous).
   */
  public static long pathDelayNanos(double... linkKm) {
    long total = 0;
    for (double km : linkKm) {
      total += delayNanos(km);
    }
    return total;
  }

  static void requireNonNegative(double v, String what) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(what + " must be finite and >= 0, got " + v);
    }
  }
}
