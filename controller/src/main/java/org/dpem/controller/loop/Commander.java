package org.dpem.controller.loop;

import java.util.concurrent.CompletionStage;
import org.dpem.hal.event.DeviceEvent;

/**
 * Turns allocations into device commands through hal. Called on the loop thread.
 */
public interface Commander {
  /**
   * Sends everything that starts {@code a}. The stage completes with null when every command was
   * acknowledged OK, or with a description of the first refusal; commands not acknowledged by
   * {@code deadlineNanos} count as refused.
   */
  CompletionStage<String> start(Allocation a, long deadlineNanos);

  /**
   * Sets the sources of running allocation {@code a} to its new {@link Allocation#rate}; memory
   * and analyzers stay as they are. Completes as {@link #start} does.
   */
  CompletionStage<String> reRate(Allocation a, long deadlineNanos);

  /** Takes every device of {@code a} back to rest for it (disable, disarm, release). */
  void stop(Allocation a, long deadlineNanos);

  /**
   * Releases whatever an allocation of a previous run may still hold on the devices of the given
   * nodes (journal recovery).
   */
  void release(long allocationId, java.util.List<String> path, long deadlineNanos);

  /** Sees every device event before the loop does (e.g. to react to heralds); default: nothing. */
  default void onEvent(DeviceEvent e) {}
}
