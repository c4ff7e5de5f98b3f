package org.dpem.controller.policy;

import org.dpem.controller.reserve.ResourceKind;

/**
 * Capacities and current holdings of every resource at the start of an epoch (copies, so a policy
 * may keep the view). Indices are {@link ResourceKind#at}.
 */
public final class ResourceView {
  private final double[] capacity;
  private final double[] held;

  public ResourceView(double[] capacity, double[] held) {
    this.capacity = capacity.clone();
    this.held = held.clone();
  }

  public int size() {
    return capacity.length;
  }

  public double capacity(int resource) {
    return capacity[resource];
  }

  public double held(int resource) {
    return held[resource];
  }

  public double free(int resource) {
    return Math.max(0, capacity[resource] - held[resource]);
  }

  public double free(ResourceKind kind, int node) {
    return free(kind.at(node));
  }

  /** A fresh array of free amounts, for a policy's own bookkeeping. */
  public double[] freeCopy() {
    double[] f = new double[capacity.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = free(i);
    }
    return f;
  }
}
