package org.dpem.controller.journal;

import java.util.List;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;

/** One transition in the journal. */
public sealed interface JournalRecord {

  /** A request arrived; {@code state} is QUEUED if accepted, REJECTED otherwise. */
  record Admitted(Request request, RequestState state, RejectReason reason) implements JournalRecord {}

  /** A request changed state. */
  record Moved(long requestId, RequestState state, RejectReason reason, long atNanos)
      implements JournalRecord {}

  /** A pair was delivered for a request; totals after it. */
  record Progress(long requestId, int delivered, double fidelitySum) implements JournalRecord {}

  /** An allocation was confirmed and commanded. */
  record AllocationOpened(long allocationId, long requestId, List<String> path, double rate)
      implements JournalRecord {
    public AllocationOpened {
      path = List.copyOf(path);
    }
  }

  /** An allocation ended, with why. */
  record AllocationClosed(long allocationId, String outcome) implements JournalRecord {}

  /**
   * A controller process started: its time base's zero is {@code epochMillis} on the wall clock.
   * Times in the records after it are on that time base, so a later process can shift them onto
   * its own.
   */
  record Origin(long epochMillis) implements JournalRecord {}

  /**
   * Ids below these were handed out in a part of the journal that a rotation archived: they are
   * never given again, so an id names one request (or allocation) across the whole history.
   */
  record IdFloor(long nextRequestId, long nextAllocationId) implements JournalRecord {}
}
