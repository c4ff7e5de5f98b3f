package org.dpem.hal;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.MemoryCommand;

/** A quantum memory that stores halves of entangled pairs and swaps them: a repeater. */
public interface QuantumMemory extends Device {

  /** Total slots. */
  int slotCount();

  /** Slots not held by any allocation. */
  int freeSlots();

  /** Coherence time of a stored qubit, seconds (depolarizing model). */
  double coherenceTimeSeconds();

  /** Largest number of swaps per second this repeater performs. */
  double swapCapacityPerSecond();

  /** Holds {@code slots} slots for {@code allocation}, for pairs on the links to {@code peers}. */
  default CompletionStage<CommandResult> reserve(
      AllocationId allocation, long deadlineNanos, int slots, List<NodeId> peers) {
    return submit(new MemoryCommand.Reserve(allocation, deadlineNanos, slots, peers));
  }

  /** Frees everything {@code allocation} holds. */
  default CompletionStage<CommandResult> release(AllocationId allocation, long deadlineNanos) {
    return submit(new MemoryCommand.Release(allocation, deadlineNanos));
  }

  /** Swaps the pairs held for {@code allocation} with {@code left} and {@code right}. */
  default CompletionStage<CommandResult> swap(
      AllocationId allocation, long deadlineNanos, NodeId left, NodeId right) {
    return submit(new MemoryCommand.Swap(allocation, deadlineNanos, left, right));
  }

  /** Holds {@code slots} slots as the stock {@code holding} of the link to {@code peer}. */
  default CompletionStage<CommandResult> stock(
      AllocationId holding, long deadlineNanos, int slots, NodeId peer) {
    return submit(new MemoryCommand.Stock(holding, deadlineNanos, slots, peer));
  }

  /**
   * Moves up to {@code pairs} stored pairs of at least {@code minFidelity} on the link to
   * {@code peer} from the stock {@code from} to {@code allocation}.
   */
  default CompletionStage<CommandResult> handOver(AllocationId allocation, long deadlineNanos,
      AllocationId from, NodeId peer, int pairs, double minFidelity) {
    return submit(new MemoryCommand.HandOver(allocation, deadlineNanos, from, peer, pairs, minFidelity));
  }
}

