package org.dpem.sim.network;

/** Counters of a simulated network since it was built; read them between runs. */
public final class NetworkStats {
  private long attempts;
  private long heralded;
  private long falseHeralds;
  private long droppedNoSlot;
  private long cutoffs;
  private long swaps;
  private long swapsOk;
  private long delivered;
  private double deliveredFidelitySum;
  private long handedOverHalves;
  private long stockReplacedCount;

  void attempt() {
    attempts++;
  }

  void heralded(boolean isFalse) {
    heralded++;
    if (isFalse) {
      falseHeralds++;
    }
  }

  void dropNoSlot() {
    droppedNoSlot++;
  }

  void handedOver(int halves) {
    handedOverHalves += halves;
  }

  void replaceStock() {
    stockReplacedCount++;
  }

  /** Stored halves moved from a stock holding to an allocation (each pair counts at both ends). */
  public long handedOverHalves() {
    return handedOverHalves;
  }

  /** Stocked pairs discarded to make room for a fresher one. */
  public long stockReplaced() {
    return stockReplacedCount;
  }

  void cutoff() {
    cutoffs++;
  }

  /** Pairs discarded because a half outlived its memory's cutoff. */
  public long cutoffs() {
    return cutoffs;
  }

  void swap(boolean ok) {
    swaps++;
    if (ok) {
      swapsOk++;
    }
  }

  void delivered(double fidelity) {
    delivered++;
    deliveredFidelitySum += fidelity;
  }

  /** Pairs emitted by enabled sources. */
  public long attempts() {
    return attempts;
  }

  /** Link pairs heralded and stored (false heralds from dark counts included). */
  public long heralded() {
    return heralded;
  }

  /** Heralds caused by dark counts (pairs with no entanglement). */
  public long falseHeralds() {
    return falseHeralds;
  }

  /** Heralded pairs dropped because an end had no free slot for the allocation on that side. */
  public long droppedNoSlot() {
    return droppedNoSlot;
  }

  public long swaps() {
    return swaps;
  }

  public long successfulSwaps() {
    return swapsOk;
  }

  /** End-to-end pairs delivered. */
  public long delivered() {
    return delivered;
  }

  /** Mean fidelity of delivered pairs at delivery, NaN if none. */
  public double meanDeliveredFidelity() {
    return delivered == 0 ? Double.NaN : deliveredFidelitySum / delivered;
  }
}
