package org.dpem.sim.network;

import org.dpem.hal.NodeId;
import org.dpem.sim.physics.Fibre;
import org.dpem.sim.topology.LinkSpec;

/** A fibre between two simulated nodes, with its classical channel; it can be cut. */
public final class SimLink {
  private final LinkSpec spec;
  private final NodeId a;
  private final NodeId b;
  private final double eta;
  private final long delayNanos;
  boolean up = true;

  SimLink(LinkSpec spec) {
    this.spec = spec;
    this.a = NodeId.of(spec.a());
    this.b = NodeId.of(spec.b());
    this.eta = Fibre.transmissivity(spec.lengthKm(), spec.attenuationDbPerKm());
    this.delayNanos = Fibre.delayNanos(spec.lengthKm());
  }

  public LinkSpec spec() {
    return spec;
  }

  public NodeId a() {
    return a;
  }

  public NodeId b() {
    return b;
  }

  /** Fibre transmissivity. */
  public double transmissivity() {
    return eta;
  }

  /** One-way delay, nanoseconds. */
  public long delayNanos() {
    return delayNanos;
  }

  public double lengthKm() {
    return spec.lengthKm();
  }

  /** Whether light (and pairs) get through; classical messages are not affected by a cut. */
  public boolean up() {
    return up;
  }
}
