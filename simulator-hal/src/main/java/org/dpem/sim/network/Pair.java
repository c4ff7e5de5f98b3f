package org.dpem.sim.network;

import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.sim.engine.SimAction;
import org.dpem.sim.physics.BellDiagonal;
import org.dpem.sim.physics.Decay;

/**
 * One entangled pair, link-level or after swaps. Its state is kept lazily: the Bell-diagonal
 * weights at a reference time plus the decay channel of each half, so the exact state at any
 * later time is one channel application away. Decay therefore acts while a pair waits in
 * memory, while heralds and swap outcomes travel, and after delivery while the application
 * holds it.
 */
public final class Pair implements SimAction {
  private final SimNetwork net;
  private BellDiagonal state;
  private long refNanos;
  final Half a;
  final Half b;
  private final Decay decayA;
  private final Decay decayB;
  /** Time by which every herald and swap outcome about this pair has reached both ends. */
  final long completeAt;
  /** Fibre length between the ends along the path (classical messages travel it). */
  final double spanKm;
  boolean alive = true;

  Pair(SimNetwork net, BellDiagonal state, long refNanos, Half a, Half b,
      long completeAt, double spanKm) {
    this.net = net;
    this.state = state;
    this.refNanos = refNanos;
    this.a = a;
    this.b = b;
    this.decayA = a.memory.decay();
    this.decayB = b.memory.decay();
    this.completeAt = completeAt;
    this.spanKm = spanKm;
    a.pair = this;
    b.pair = this;
  }

  /**
   * The allocation the pair serves now: that of the slots holding its halves (a hand-over moves a
   * stocked pair's halves, one end at a time, into an allocation's slots).
   */
  public AllocationId allocation() {
    return a.reservation.allocation;
  }

  /** Whether both halves sit in slots of the same allocation. */
  boolean halvesAgree() {
    return a.reservation.allocation.equals(b.reservation.allocation);
  }

  /** One end's node. */
  public NodeId endA() {
    return a.memory.node();
  }

  /** The other end's node. */
  public NodeId endB() {
    return b.memory.node();
  }

  /** The exact state at virtual time {@code atNanos} (not before the reference time). */
  public BellDiagonal stateAt(long atNanos) {
    double s = (atNanos - refNanos) / 1e9;
    if (s <= 0) {
      return state;
    }
    return decayB.apply(decayA.apply(state, s), s);
  }

  /** Fidelity with Phi+ at {@code atNanos}. */
  public double fidelityAt(long atNanos) {
    return stateAt(atNanos).fidelity();
  }

  Half other(Half h) {
    return h == a ? b : a;
  }

  /** Folds the decay so far into the stored state (keeps numbers small over long holds). */
  void settle(long atNanos) {
    state = stateAt(atNanos);
    refNanos = atNanos;
  }

  /** Completion: every message about the pair has arrived; it may now be delivered. */
  @Override
  public void fire(long arg) {
    if (alive) {
      net.onComplete(this);
    }
  }
}
