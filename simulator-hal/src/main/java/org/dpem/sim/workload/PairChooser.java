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

  /**
   * A gravity model with drifting hot spots. Each node has a weight; a request's source is drawn
   * in proportion to the weights and its destination in proportion to the other nodes' weights
   * (so heavy nodes talk to heavy nodes, as in traffic matrices of real networks). On top,
   * {@code hotPairs} hot (source, destination) pairs, themselves drawn from the gravity model,
   * take a share {@code hotShare} of the requests; each hot pair lives an exponential time of mean
   * {@code meanHotLifetimeSeconds} and is then replaced by a fresh draw, so the hot spots drift
   * over minutes rather than staying fixed for the whole run.
   *
   * @param weightSpread sigma of the log-normal weight of each node without an explicit weight
   *     (0: all weights 1)
   * @param weights explicit weights for some nodes (> 0), by node id
   * @param hotPairs hot pairs live at any time (0: none)
   * @param hotShare share of requests on the hot pairs, in [0, 1]
   * @param meanHotLifetimeSeconds mean life of one hot pair
   */
  record Gravity(double weightSpread, java.util.Map<String, Double> weights, int hotPairs,
      double hotShare, double meanHotLifetimeSeconds) implements PairChooser {
    public Gravity {
      weights = java.util.Map.copyOf(weights);
      if (!(weightSpread >= 0) || Double.isInfinite(weightSpread)) {
        throw new IllegalArgumentException("weight spread must be finite and >= 0, got " + weightSpread);
      }
      weights.forEach((n, w) -> {
        if (!(w > 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("weight of node " + n + " must be finite and > 0, got " + w);
        }
      });
      if (hotPairs < 0) {
        throw new IllegalArgumentException("hot pairs must be >= 0, got " + hotPairs);
      }
      if (!(hotShare >= 0 && hotShare <= 1)) {
        throw new IllegalArgumentException("hot share must lie in [0, 1], got " + hotShare);
      }
      if (!(meanHotLifetimeSeconds > 0)) {
        throw new IllegalArgumentException("hot pair lifetime must be > 0 s, got " + meanHotLifetimeSeconds);
      }
    }
  }
}
