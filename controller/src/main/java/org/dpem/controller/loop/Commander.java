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

  /**
   * Sends everything that makes one link's stock: slots at both ends, the herald arm at the
   * receiving end, the generating source at its rate. Sent again, it resizes the stock. The stage
   * completes with null when every command was acknowledged OK, or with the first refusal.
   */
  CompletionStage<String> stock(StockCommand s, long deadlineNanos);

  /**
   * Asks the memory at {@code at} to hand pairs of the stock {@code holding} on the link to
   * {@code peer} over to {@code a}. The stage completes with the number of pairs moved (0 if
   * refused).
   */
  CompletionStage<Integer> handOver(Allocation a, long holding, org.dpem.hal.NodeId at,
      org.dpem.hal.NodeId peer, int pairs, double minFidelity, long deadlineNanos);

  /** Sees every device event before the loop does (e.g. to react to heralds); default: nothing. */
  default void onEvent(DeviceEvent e) {}
}
