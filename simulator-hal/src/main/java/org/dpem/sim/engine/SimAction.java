package org.dpem.sim.engine;

/**
 * What runs when a scheduled event falls due. The {@code long} argument lets one action object
 * serve many events (an index, a kind code), so hot paths schedule without allocating.
 */
@FunctionalInterface
public interface SimAction {
  void fire(long arg);
}
