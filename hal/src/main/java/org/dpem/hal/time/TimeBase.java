package org.dpem.hal.time;

/**
 * The one notion of time in DPEM. Against the simulator it is virtual (integer nanoseconds that
 * advance only as events run, so runs are fast and deterministic); against equipment it is the
 * wall clock. Controller and simulator code ask this, never {@code System.currentTimeMillis} or
 * {@code Thread.sleep}.
 */
public interface TimeBase {
  /** Current time in nanoseconds since this time base's epoch (monotonic, never goes back). */
  long nowNanos();

  /**
   * Runs {@code task} once, {@code delayNanos} from now (0 or negative: as soon as possible).
   *
   * @return a handle that cancels the task if it has not started
   */
  Scheduled schedule(long delayNanos, Runnable task);

  /** Current time in seconds, for reports and physics. */
  default double nowSeconds() {
    return nowNanos() / 1e9;
  }

  /** Converts seconds to nanoseconds, rounding to the nearest nanosecond. */
  static long nanos(double seconds) {
    return Math.round(seconds * 1e9);
  }

  /** A scheduled task that has not run yet. */
  interface Scheduled {
    /** Cancels the task; returns false if it already ran or was cancelled. */
    boolean cancel();
  }
}
