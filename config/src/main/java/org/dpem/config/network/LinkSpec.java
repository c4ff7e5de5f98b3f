package org.dpem.config.network;

import java.util.Objects;

/**
 * An optical fibre link between two nodes (undirected).
 *
 * @param a one end's node id
 * @param b the other end's node id
 * @param lengthKm fibre length
 * @param attenuationDbPerKm fibre loss; 0.2 dB/km is telecom fibre at 1550 nm
 */
public record LinkSpec(String a, String b, double lengthKm, double attenuationDbPerKm) {

  public static final double DEFAULT_ATTENUATION_DB_PER_KM = 0.2;

  public LinkSpec {
    Objects.requireNonNull(a);
    Objects.requireNonNull(b);
  }

  /** Fibre transmissivity {@code 10^(-a L / 10)}. */
  public double transmissivity() {
    return Math.pow(10, -attenuationDbPerKm * lengthKm / 10);
  }
}
