package org.dpem.controller.forecast;

/**
 * Each node's request history as its forecaster reads it, one epoch at a time: the pairs asked
 * for by the requests that arrived at the node (their source) during the epoch, per destination
 * group. A destination's group is its index in the network model modulo the group count, a
 * fixed split, so that every node has the same number of series.
 */
public final class DemandHistory {
  private final int groups;
  private double[][] epoch;

  public DemandHistory(int nodes, int groups) {
    if (nodes < 1 || groups < 1) {
      throw new IllegalArgumentException("demand history needs at least one node and one group");
    }
    this.groups = groups;
    this.epoch = new double[nodes][groups];
  }

  public int groups() {
    return groups;
  }

  public int group(int destination) {
    return destination % groups;
  }

  /** A request of {@code pairs} pairs from node {@code source} to node {@code destination} arrived. */
  public void record(int source, int destination, int pairs) {
    epoch[source][group(destination)] += pairs;
  }

  /** The epoch's counts, {@code [node][group]}; the next epoch starts empty. */
  public double[][] close() {
    double[][] done = epoch;
    epoch = new double[done.length][groups];
    return done;
  }
}
