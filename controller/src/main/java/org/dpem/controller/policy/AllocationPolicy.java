package org.dpem.controller.policy;

/**
 * The decision step, the only part that differs between allocation schemes: called once per epoch
 * with every queued request, it returns a {@link Decision}: claims (request, chosen path, rate),
 * and stock orders for links to fill ahead of demand; requests it leaves out wait. Claims go through the same reservation for every policy, which counts contention and
 * settles conflicts, so a policy may over-claim but never bypasses capacity. Called on the
 * control-loop thread only.
 */
public interface AllocationPolicy {
  /** The name used on the command line and in reports, e.g. {@code greedy}. */
  String name();

  Decision decide(EpochView view);

  /**
   * Whether this policy reads {@link NodeView#forecast}: only then does the loop run the
   * config's forecaster (controller.agents.forecaster), which costs time every epoch.
   */
  default boolean readsForecasts() {
    return false;
  }
}
