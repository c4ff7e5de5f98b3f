package org.dpem.sim.topology;

import java.util.Objects;

/**
 * An optical fibre (with a classical channel beside it) between two nodes.
 *
 * @param a one end's node id
 * @param b the other end's node id
 * @param lengthKm fibre length
 * @param attenuationDbPerKm fibre loss
 */
public record LinkSpec(String a, String b, double lengthKm, double attenuationDbPerKm) {
  /** Standard telecom fibre loss at 1550 nm. */
  public static final double TELECOM_DB_PER_KM = 0.2;

  public LinkSpec {
    Objects.requireNonNull(a, "link end a");
    Objects.requireNonNull(b, "link end b");
    if (a.equals(b)) {
      throw new IllegalArgumentException("link " + a + "-" + b + " connects a node to itself");
    }
    if (!(lengthKm >= 0) || Double.isInfinite(lengthKm)) {
      throw new IllegalArgumentException("link " + a + "-" + b + ": length must be finite and >= 0 km, got "
          + lengthKm);
    }
    if (!(attenuationDbPerKm >= 0) || Double.isInfinite(attenuationDbPerKm)) {
      throw new IllegalArgumentException("link " + a + "-" + b + ": attenuation must be finite and >= 0 dB/km, got "
          + attenuationDbPerKm);
    }
  }

  /** The end that is not {@code node}. */
  public String other(String node) {
    if (node.equals(a)) {
      return b;
    }
    if (node.equals(b)) {
      return a;
    }
    throw new IllegalArgumentException(node + " is not an end of link " + a + "-" + b);
  }

  public boolean joins(String x, String y) {
    return (a.equals(x) && b.equals(y)) || (a.equals(y) && b.equals(x));
  }
}
