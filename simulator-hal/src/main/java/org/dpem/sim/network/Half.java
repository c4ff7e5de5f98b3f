package org.dpem.sim.network;

import org.dpem.hal.NodeId;
import org.dpem.sim.engine.SimAction;

/**
 * One stored qubit: a slot of a memory holding half of a pair, on the side of the link it
 * arrived over. The side never changes, even when swaps elsewhere make the pair reach further:
 * swap rules and slot quotas refer to sides.
 */
final class Half implements SimAction {
  final SimQuantumMemory memory;
  /** The slots holding this half; a hand-over moves it to another allocation's. */
  Reservation reservation;
  /** The neighbour at the far end of the link this half came over. */
  final NodeId side;
  /**
   * Index of {@link #side} in the reservation's peers (changing peers discards halves; a
   * hand-over sets it for the receiving reservation).
   */
  int sideIdx;
  /** When this node learns the link pair was heralded. */
  final long heraldedAt;
  Pair pair;
  boolean stored;

  Half(SimQuantumMemory memory, Reservation reservation, NodeId side, int sideIdx, long heraldedAt) {
    this.memory = memory;
    this.reservation = reservation;
    this.side = side;
    this.sideIdx = sideIdx;
    this.heraldedAt = heraldedAt;
  }

  static final long HERALD_KNOWN = 0;
  static final long CUTOFF = 1;

  /** The herald reaches this node, or the memory's cutoff time for this qubit has passed. */
  @Override
  public void fire(long arg) {
    if (!stored) {
      return;
    }
    if (arg == CUTOFF) {
      memory.onCutoff(this);
    } else {
      memory.onHeraldKnown(this);
    }
  }
}
