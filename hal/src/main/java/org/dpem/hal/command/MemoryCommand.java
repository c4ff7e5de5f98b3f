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

  /**
   * Hold {@code slots} slots for a <em>stock</em>: pairs on the link to {@code peer}, generated
   * ahead of demand and kept in storage (decaying) for a later {@link HandOver}. A stock's pairs
   * are never swapped nor delivered; when its slots are full, a newly heralded pair replaces the
   * oldest one, so a stock keeps the freshest pairs. Stocking again under the same id resizes it
   * (shrinking discards the oldest pairs); 0 slots keeps the holding, empty.
   *
   * @param allocation the stock holding's id (an id of its own, not a request's allocation)
   * @param slots slots to hold, checked against the {@link Parameters#SLOTS} limit
   * @param peer the neighbour at the other end of the stocked link
   */
  record Stock(AllocationId allocation, long deadlineNanos, int slots, NodeId peer)
      implements MemoryCommand {
    public Stock {
      Objects.requireNonNull(allocation, "allocation");
      Objects.requireNonNull(peer, "peer");
      if (slots < 0) {
        throw new IllegalArgumentException("stock-slots: slots must be >= 0, got " + slots);
      }
    }

    @Override
    public Map<String, Double> settings() {
      return Map.of(Parameters.SLOTS, (double) slots);
    }

    @Override
    public String name() {
      return "stock-slots";
    }
  }

  /**
   * Hand stored pairs over from the stock holding {@code from} to {@code allocation}: up to
   * {@code pairs} of the halves {@code from} stores on the side of {@code peer}, freshest first,
   * each with a fidelity of at least {@code minFidelity} now, move with their slots into the slots
   * {@code allocation} holds towards {@code peer}. The pairs keep their age: they arrive with the
   * fidelity their storage time left them. The same command at the other end of the link moves
   * the other halves; a pair counts for {@code allocation} once both of its halves have moved.
   *
   * <p>Refused (INVALID) when {@code from} is not a stock holding here or holds nothing towards
   * {@code peer}, or when {@code allocation} holds no slots here towards {@code peer}. An OK
   * result's detail is {@code "moved N"}: read it with {@link #moved}.
   *
   * @param allocation the allocation receiving the pairs
   * @param from the stock holding giving them
   * @param peer the neighbour at the other end of the stocked link
   * @param pairs the most pairs to move, checked against the {@link Parameters#SLOTS} limit
   * @param minFidelity the least fidelity a moved pair may have at hand-over, in [0, 1]
   */
  record HandOver(AllocationId allocation, long deadlineNanos, AllocationId from, NodeId peer,
      int pairs, double minFidelity) implements MemoryCommand {
    private static final String MOVED = "moved ";

    public HandOver {
      Objects.requireNonNull(allocation, "allocation");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(peer, "peer");
      if (pairs < 1) {
        throw new IllegalArgumentException("hand-over: pairs must be >= 1, got " + pairs);
      }
      if (!(minFidelity >= 0 && minFidelity <= 1)) {
        throw new IllegalArgumentException("hand-over: min fidelity must be in [0, 1], got " + minFidelity);
      }
    }

    @Override
    public Map<String, Double> settings() {
      return Map.of(Parameters.SLOTS, (double) pairs);
    }

    @Override
    public String name() {
      return "hand-over";
    }

    /** The OK result a device returns after moving {@code n} pairs. */
    public static CommandResult movedResult(int n) {
      return CommandResult.of(ResultCode.OK, MOVED + n);
    }

    /** The pairs a hand-over moved, from its result: 0 unless OK with a {@code "moved N"} detail. */
    public static int moved(CommandResult r) {
      if (!r.isOk() || !r.detail().startsWith(MOVED)) {
        return 0;
      }
      try {
        return Integer.parseInt(r.detail().substring(MOVED.length()).trim());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
  }
}

