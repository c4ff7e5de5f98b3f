package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestBook;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;

/**
 * Rebuilds the request book from a journal replay. Each request comes back in its last recorded
 * state with its delivered pairs; live ones come back QUEUED, because the allocations of the dead
 * process are gone (their device holdings are released by the caller). Times are shifted from
 * the writing process's time base onto this one's using the {@link JournalRecord.Origin} records.
 *
 * <p>Only live requests are carried into this run's metrics: they are work this run finishes.
 * Terminal ones come back so that an operator can still look them up, but their outcomes belong
 * to the run that reached them, so a restart after a clean stop reports like a fresh run.
 */
final class Recovery {
  /**
   * @param lostRequests ids of requests whose admission the journal lost (damaged records): they
   *     may have been acknowledged, and cannot be restored
   */
  record Restored(int requests, int live, Map<Long, List<String>> openAllocations,
      long nextAllocationId, List<Long> lostRequests) {}

  private Recovery() {}

  static Restored restore(Journal.Replay replay, RequestBook book, RunMetrics metrics,
      long originMillis) {
    Map<Long, Request> requests = new TreeMap<>();
    Map<Long, RequestState> state = new HashMap<>();
    Map<Long, RejectReason> reason = new HashMap<>();
    Map<Long, int[]> delivered = new HashMap<>();
    Map<Long, Double> fidelity = new HashMap<>();
    Map<Long, List<String>> open = new LinkedHashMap<>();
    long nextAlloc = 1;
    long shift = 0;
    // every id any record names, so that none is handed out again even if its own record was lost
    long maxRequest = 0;
    long maxAlloc = 0;
    // ids from here on are handed out in order, each with an Admitted record: a gap is a loss
    long sequentialFrom = 1;
    for (JournalRecord rec : replay.records()) {
      maxRequest = Math.max(maxRequest, requestId(rec));
      if (rec instanceof JournalRecord.AllocationOpened o) {
        maxAlloc = Math.max(maxAlloc, o.allocationId());
      } else if (rec instanceof JournalRecord.AllocationClosed c) {
        maxAlloc = Math.max(maxAlloc, c.allocationId());
      }
      if (rec instanceof JournalRecord.Origin o) {
        shift = (o.epochMillis() - originMillis) * 1_000_000L;
      } else if (rec instanceof JournalRecord.Admitted a) {
        Request r = a.request();
        requests.put(r.id(), new Request(r.id(), r.source(), r.destination(), r.minFidelity(),
            r.pairs(), r.arrivalNanos() + shift, r.deadlineNanos() + shift, r.priority()));
        state.put(r.id(), a.state());
        reason.put(r.id(), a.reason());
      } else if (rec instanceof JournalRecord.Moved m) {
        state.put(m.requestId(), m.state());
        if (m.reason() != null) {
          reason.put(m.requestId(), m.reason());
        }
      } else if (rec instanceof JournalRecord.Progress p) {
        delivered.put(p.requestId(), new int[] {p.delivered()});
        fidelity.put(p.requestId(), p.fidelitySum());
      } else if (rec instanceof JournalRecord.AllocationOpened o) {
        open.put(o.allocationId(), o.path());
        nextAlloc = Math.max(nextAlloc, o.allocationId() + 1);
      } else if (rec instanceof JournalRecord.AllocationClosed c) {
        open.remove(c.allocationId());
      } else if (rec instanceof JournalRecord.IdFloor f) {
        book.idsFrom(f.nextRequestId());
        nextAlloc = Math.max(nextAlloc, f.nextAllocationId());
        sequentialFrom = f.nextRequestId();
      }
    }
    // damaged bytes may have held ids past every one seen, already acknowledged: skip them all
    long skip = replay.idsLostAtMost();
    book.idsFrom(maxRequest + 1 + skip);
    nextAlloc = Math.max(nextAlloc, maxAlloc + 1 + skip);
    List<Long> lost = new ArrayList<>();
    if (replay.corrupt()) {
      // listed up to a bound: a log line, not a second copy of the journal
      for (long id = sequentialFrom; id <= maxRequest && lost.size() < 10_000; id++) {
        if (!requests.containsKey(id)) {
          lost.add(id);
        }
      }
    }
    int live = 0;
    for (Request r : requests.values()) {
      RequestState s = state.get(r.id());
      int[] d = delivered.get(r.id());
      TrackedRequest t = book.restore(r, s, reason.get(r.id()), d == null ? 0 : d[0],
          fidelity.getOrDefault(r.id(), 0.0));
      if (!t.state().terminal()) {
        metrics.restored(t);
        live++;
      }
    }
    return new Restored(requests.size(), live, open, nextAlloc, lost);
  }

  private static long requestId(JournalRecord rec) {
    if (rec instanceof JournalRecord.Admitted a) {
      return a.request().id();
    } else if (rec instanceof JournalRecord.Moved m) {
      return m.requestId();
    } else if (rec instanceof JournalRecord.Progress p) {
      return p.requestId();
    } else if (rec instanceof JournalRecord.AllocationOpened o) {
      return o.requestId();
    }
    return 0;
  }

  /** The inverse for a rotated journal: records from which {@link #restore} rebuilds the book. */
  static List<JournalRecord> snapshot(RequestBook book, long nextAllocation, long originMillis) {
    List<JournalRecord> out = new ArrayList<>();
    out.add(new JournalRecord.Origin(originMillis));
    out.add(new JournalRecord.IdFloor(book.nextId(), nextAllocation));
    for (TrackedRequest t : book.live()) {
      out.add(new JournalRecord.Admitted(t.request(), RequestState.QUEUED, null));
      if (t.delivered() > 0) {
        out.add(new JournalRecord.Progress(t.id(), t.delivered(), t.fidelitySum()));
      }
    }
    return out;
  }
}
