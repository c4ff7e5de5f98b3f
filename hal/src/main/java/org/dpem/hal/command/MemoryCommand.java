package org.dpem.hal.command;

import java.util.Map;
import java.util.Objects;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;

/** Commands for a quantum memory / repeater. */
public sealed interface MemoryCommand extends DeviceCommand {

  /**
   * Hold {@code slots} memory slots for {@code allocation}, storing halves of pairs heralded on
   * the links to the given peers.
   *
   * @param slots number of slots, checked against the {@link Parameters#SLOTS} limit
   * @param peers the neighbours whose link pairs these slots will hold (one or two)
   */
  record Reserve(AllocationId allocation, long deadlineNanos, int slots, java.util.List<NodeId> peers)
      implements MemoryCommand {
    public Reserve {
      Objects.requireNonNull(allocation, "allocation");
      peers = java.util.List.copyOf(peers);
    }

    @Override
    public Map<String, Double> settings() {
      return Map.of(Parameters.SLOTS, (double) slots);
    }

    @Override
    public String name() {
      return "reserve-slots";
    }
  }

  /** Free every slot {@code allocation} holds; pairs in them are discarded. */
  record Release(AllocationId allocation, long deadlineNanos) implements MemoryCommand {
    public Release {
      Objects.requireNonNull(allocation, "allocation");
    }

    @Override
    public boolean towardsRest() {
      return true;
    }

    @Override
    public String name() {
      return "release-slots";
    }
  }

  /**
   * Entanglement swap: a Bell measurement on the halves stored for {@code allocation} whose other
   * halves sit at {@code left} and {@code right}, joining the two pairs into one pair between
   * those nodes. The outcome arrives as a {@link org.dpem.hal.event.DeviceEvent.SwapOutcome}.
   */
  record Swap(AllocationId allocation, long deadlineNanos, NodeId left, NodeId right)
      implements MemoryCommand {
    public Swap {
      Objects.requireNonNull(allocation, "allocation");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }

    @Override
    public String name() {
      return "swap";
    }
  }
}
