package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.policy.ControlAction;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.PendingRequest;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.Reserver;
import org.dpem.controller.reserve.Usage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a policy's decision against the epoch it was made on, and applies its control actions
 * through the loop's ledger, commander and journal, so that every policy acts through the same
 * reservation. Loop thread only.
 */
final class Decisions {
  private static final Logger LOG = LoggerFactory.getLogger(Decisions.class);

  private final ControlLoop loop;
  private final Conflicts conflicts;

  Decisions(ControlLoop loop, Conflicts conflicts) {
    this.loop = loop;
    this.conflicts = conflicts;
  }

  /** The claims that name a pending request and one of its feasible paths; the rest are dropped with a warning. */
  List<Claim> validClaims(List<Claim> claims, EpochView view) {
    Map<Long, PendingRequest> byId = new HashMap<>();
    for (PendingRequest p : view.pending()) {
      byId.put(p.id(), p);
    }
    List<Claim> ok = new ArrayList<>(claims.size());
    for (Claim c : claims) {
      PendingRequest p = byId.get(c.requestId());
      if (p == null || !p.candidates().contains(c.path())) {
        LOG.warn("policy {} claimed request {} on {}, which is not one of its feasible paths; ignored",
            loop.policy.name(), c.requestId(), c.path());
        continue;
      }
      ok.add(c);
    }
    return ok;
  }

  /**
   * Applies control actions in order, the first per allocation only.
   *
   * @return the conflicts they caused: preemptions, and re-rates refused or cut for capacity
   */
  int apply(List<ControlAction> actions, long now) {
    int conflicting = 0;
    Set<Long> done = new HashSet<>();
    for (ControlAction c : actions) {
      Allocation a = loop.active.get(c.allocationId());
      if (a == null || !done.add(c.allocationId())) {
        LOG.warn("policy {} acted on allocation {}, which is not running (or was acted on already"
            + " this epoch); ignored", loop.policy.name(), c.allocationId());
        continue;
      }
      if (c instanceof ControlAction.ReRate r) {
        conflicting += reRate(a, r, now);
      } else if (c instanceof ControlAction.Preempt) {
        preempt(a, now);
        conflicting++;
      } else {
        loop.finish(a.request(), RequestState.FAILED, null,
            "abandoned by policy " + loop.policy.name(), now, "abandoned by policy " + loop.policy.name());
      }
    }
    return conflicting;
  }

  /**
   * Moves the allocation to the new rate if it fits (its own holdings count as free), else to the
   * largest rate down to the minimum that fits, else leaves it as it was.
   *
   * @return 1 if capacity refused or cut the new rate, else 0
   */
  private int reRate(Allocation a, ControlAction.ReRate r, long now) {
    loop.ledger.release(a.usage());
    Usage wanted = Usage.of(loop.model, a.path(), r.rate());
    double scale = Reserver.fit(wanted, loop.ledger);
    double rate = r.rate() * Math.min(1, scale);
    if (!(scale > 0) || rate < r.minRate() * (1 - 1e-12)) {
      loop.ledger.hold(a.usage());
      return 1;
    }
    Usage u = scale >= 1 ? wanted : wanted.scaled(scale);
    loop.ledger.hold(u);
    a.reRate(rate, u);
    long deadline = Math.min(a.request().request().deadlineNanos(), now + loop.settings.commandTimeoutNanos());
    loop.commander.reRate(a, deadline).whenComplete((why, ex) -> loop.enqueue(() -> {
      if (loop.active.get(a.id()) == a && (ex != null || why != null)) {
        loop.reroute(a, "re-rate refused: " + (ex != null ? ex : why), loop.time.nowNanos());
      }
    }));
    return scale >= 1 ? 0 : 1;
  }

  /** Ends the allocation; its request is re-queued unless its other allocation still serves it. */
  private void preempt(Allocation a, long now) {
    String why = "preempted by policy " + loop.policy.name();
    loop.end(a, why, now);
    TrackedRequest t = a.request();
    if (t.state().terminal() || loop.stillServed(t, now)) {
      return;
    }
    loop.book.move(t, RequestState.QUEUED, null, why, now);
    // the preemption is this request's conflict; waiting for room afterwards is the same one
    conflicts.waiting(t.id());
  }
}
