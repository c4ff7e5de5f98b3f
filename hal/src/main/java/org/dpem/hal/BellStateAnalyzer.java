package org.dpem.hal;

import java.util.concurrent.CompletionStage;
import org.dpem.hal.command.AnalyzerCommand;
import org.dpem.hal.command.CommandResult;

/**
 * A Bell-state analyzer. Armed for an allocation, it heralds link pairs or verifies delivered
 * end-to-end pairs, reporting {@link org.dpem.hal.event.DeviceEvent.PairDelivered} events.
 */
public interface BellStateAnalyzer extends Device {

  /** Best-case success probability of one Bell measurement (1/2 for linear optics). */
  double efficiency();

  /** Arms the analyzer for {@code allocation} towards {@code peer}. */
  default CompletionStage<CommandResult> arm(
      AllocationId allocation, long deadlineNanos, NodeId peer, double windowSeconds) {
    return submit(new AnalyzerCommand.Arm(allocation, deadlineNanos, peer, windowSeconds));
  }

  /** Disarms it. */
  default CompletionStage<CommandResult> disarm(AllocationId allocation, long deadlineNanos) {
    return submit(new AnalyzerCommand.Disarm(allocation, deadlineNanos));
  }
}
