package org.dpem.controller.reserve;

import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.NodeInfo;

/**
 * Capacity and current holdings of every resource. Generation and swap are rates (per second),
 * memory a count; one epoch's cell of a rate resource is that rate over the epoch. Loop thread
 * only.
 */
public final class ResourceLedger {
  /** Slack for floating-point sums when checking a fit. */
  static final double EPS = 1e-9;

  private final double[] capacity;
  private final double[] held;

  public ResourceLedger(NetworkModel model) {
    int n = model.nodeCount();
    capacity = new double[3 * n];
    held = new double[3 * n];
    for (int i = 0; i < n; i++) {
      NodeInfo ni = model.node(i);
      // a hair under the device limit, so sums of rates never exceed it by rounding
      capacity[ResourceKind.GENERATION.at(i)] = ni.generationRate() * (1 - 1e-9);
      capacity[ResourceKind.MEMORY.at(i)] = ni.memorySlots();
      capacity[ResourceKind.SWAP.at(i)] = ni.swapCapacity() * (1 - 1e-9);
    }
  }

  public int size() {
    return capacity.length;
  }

  public double capacity(int r) {
    return capacity[r];
  }

  public double held(int r) {
    return held[r];
  }

  public double free(int r) {
    return Math.max(0, capacity[r] - held[r]);
  }

  /** Takes a resource out of service (capacity 0) or puts it back, e.g. when a device drops. */
  public void setCapacity(int r, double c) {
    capacity[r] = c;
  }

  public void hold(Usage u) {
    for (int i = 0; i < u.resources().length; i++) {
      held[u.resources()[i]] += u.amounts()[i];
    }
  }

  public void release(Usage u) {
    for (int i = 0; i < u.resources().length; i++) {
      int r = u.resources()[i];
      held[r] = Math.max(0, held[r] - u.amounts()[i]);
      if (held[r] < EPS) {
        held[r] = 0;
      }
    }
  }

  /** A copy of all capacities. */
  public double[] capacities() {
    return capacity.clone();
  }

  /** A copy of all holdings. */
  public double[] holdings() {
    return held.clone();
  }
}
