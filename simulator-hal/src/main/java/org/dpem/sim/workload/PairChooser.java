package org.dpem.sim.workload;

/**
 * Which (source, destination) a request is for.
 */
public sealed interface PairChooser {
  /** Every ordered pair of distinct nodes equally likely. */
  record Uniform() implements PairChooser {}

  /**
   * Hot spots: {@code hotPairs} ordered pairs, drawn once from the seed, receive a share
   * {@code hotShare} of all requests; the rest are uniform. A share of 0 is uniform; near 1
   * almost all demand is on known pairs, which a forecaster can learn.
   */
  record Hotspot(int hotPairs, double hotShare) implements PairChooser {
    public Hotspot {
      if (hotPairs < 1) {
        throw new IllegalArgumentException("hotspot needs at least one hot pair, got " + hotPairs);
      }
      if (!(hotShare >= 0 && hotShare <= 1)) {
        throw new IllegalArgumentException("hot share must lie in [0, 1], got " + hotShare);
      }
    }
  }
}
