package org.dpem.hal;

import java.util.concurrent.CompletionStage;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.SourceCommand;

/** An entangled photon-pair source: it emits pairs towards one link at a set rate. */
public interface PairSource extends Device {

  /** What the source is doing now. */
  SourceReading reading();

  /** Points the source at the link to {@code peer} and emits at {@code ratePairsPerSecond}. */
  default CompletionStage<CommandResult> enable(
      AllocationId allocation, long deadlineNanos, NodeId peer, double ratePairsPerSecond) {
    return submit(new SourceCommand.Enable(allocation, deadlineNanos, peer, ratePairsPerSecond));
  }

  /** Stops emitting for {@code allocation}. */
  default CompletionStage<CommandResult> disable(AllocationId allocation, long deadlineNanos) {
    return submit(new SourceCommand.Disable(allocation, deadlineNanos));
  }

  /**
   * A source's present output.
   *
   * @param enabled whether it emits
   * @param peer the link it serves, or null when disabled
   * @param ratePairsPerSecond the rate actually measured (or set, if the device cannot measure)
   * @param fidelityEstimate the initial fidelity of the pairs it makes
   */
  record SourceReading(boolean enabled, NodeId peer, double ratePairsPerSecond,
      double fidelityEstimate) {}
}
