package org.dpem.controller.loop;

import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.hal.AllocationId;

/**
 * A confirmed allocation: one request served along one path at a granted rate until it is
 * delivered, expires, a device under it fails, or the policy re-rates, preempts or abandons it.
 * A request split over two paths has two. Loop thread only.
 */
public final class Allocation {
  private final long id;
  private final TrackedRequest request;
  private final CandidatePath path;
  private double rate;
  private Usage usage;
  private final long startNanos;
  private final int target;
  private int useful;
  private double shareHeld;
  private boolean commanded;

  Allocation(long id, TrackedRequest request, CandidatePath path, double rate, Usage usage,
      long startNanos) {
    this.id = id;
    this.request = request;
    this.path = path;
    this.rate = rate;
    this.usage = usage;
    this.startNanos = startNanos;
    this.target = request.remaining();
  }

  public long id() {
    return id;
  }

  public AllocationId halId() {
    return AllocationId.of(id);
  }

  public TrackedRequest request() {
    return request;
  }

  public CandidatePath path() {
    return path;
  }

  /** Granted end-to-end pairs per second. */
  public double rate() {
    return rate;
  }

  public Usage usage() {
    return usage;
  }

  /** A new granted rate and what it holds at that rate (the ledger already holds it). */
  void reRate(double newRate, Usage newUsage) {
    this.rate = newRate;
    this.usage = newUsage;
  }

  public long startNanos() {
    return startNanos;
  }

  /** Whether every start command was acknowledged OK. */
  public boolean commanded() {
    return commanded;
  }

  void markCommanded() {
    commanded = true;
  }

  void countUseful() {
    useful++;
  }

  /** Pairs it delivered that counted, over the pairs it was granted for. */
  double usefulFraction() {
    return target == 0 ? 0 : (double) useful / target;
  }

  void addShare(double s) {
    shareHeld += s;
  }

  double shareHeld() {
    return shareHeld;
  }
}
