package org.dpem.controller.loop;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpem.controller.policy.PendingRequest;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.Grant;
import org.dpem.controller.reserve.ReservationResult;
import org.dpem.controller.reserve.Reserver;
import org.dpem.controller.reserve.ResourceLedger;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.NetworkModel;

/**
 * Counts contention as conflicts, not sharing: a request meets a conflict when a claim for it is
 * refused, or granted below the target rate every policy sees ({@link PendingRequest#targetRate},
 * raised to the path's least rate) because capacity fell short (by the reservation's cut or the
 * policy's own, as greedy claims only what fits), or when it is left waiting while
 * none of its candidate paths has room for its least useful rate (what a policy that only claims
 * what fits, like greedy, does instead of being refused). A waiting request counts once, from the
 * first epoch it meets the conflict until it is served or leaves the queue, and a grant counts
 * at most once, so the same decisions give the same count at any epoch length. A policy that
 * leaves a request waiting while a path has room for it is choosing to wait: no conflict.
 * Over-subscribed resources ({@link ReservationResult#newOversubscriptions}) add one event per
 * episode. Loop thread only.
 */
final class Conflicts {
  private final NetworkModel model;
  private Set<Long> waiting = new HashSet<>();
  /** Requests put in conflict between two counts (preempted), not yet in the view they were taken from. */
  private final Set<Long> carried = new HashSet<>();

  Conflicts(NetworkModel model) {
    this.model = model;
  }

  /**
   * This epoch's new conflicts.
   *
   * @param pending the requests the policy saw
   * @param rr the reservation's outcome
   * @param ledger the ledger after the reservation
   */
  int count(List<PendingRequest> pending, ReservationResult rr, ResourceLedger ledger) {
    int events = rr.newOversubscriptions();
    Map<Long, Double> granted = new HashMap<>();
    Map<Long, Double> target = new HashMap<>();
    for (Grant g : rr.granted()) {
      granted.merge(g.claim().requestId(), g.rate(), Double::sum);
    }
    for (PendingRequest p : pending) {
      if (granted.containsKey(p.id())) {
        double t = p.targetRate();
        for (Grant g : rr.granted()) {
          if (g.claim().requestId() == p.id()) {
            t = Math.max(t, p.minRate(g.claim().path()));
          }
        }
        target.put(p.id(), t);
      }
    }
    for (Map.Entry<Long, Double> e : granted.entrySet()) {
      long id = e.getKey();
      if (e.getValue() < target.getOrDefault(id, 0.0) * (1 - 1e-9) && !waiting.contains(id)) {
        events++;
      }
    }
    Set<Long> next = new HashSet<>();
    for (Claim c : rr.refused()) {
      long id = c.requestId();
      if (granted.containsKey(id) || !next.add(id)) {
        continue;
      }
      if (!waiting.contains(id)) {
        events++;
      }
    }
    for (PendingRequest p : pending) {
      long id = p.id();
      if (granted.containsKey(id) || next.contains(id)) {
        continue;
      }
      if (waiting.contains(id)) {
        next.add(id);
      } else if (noRoom(p, ledger)) {
        next.add(id);
        events++;
      }
    }
    next.addAll(carried);
    carried.clear();
    waiting = next;
    return events;
  }

  /** A request left waiting, for which no path has room at its least rate; false if none can serve it at all. */
  private boolean noRoom(PendingRequest p, ResourceLedger ledger) {
    boolean servable = false;
    for (CandidatePath path : p.candidates()) {
      double min = p.minRate(path);
      if (!Double.isFinite(min)) {
        continue;
      }
      servable = true;
      if (Reserver.fit(Usage.of(model, path, Math.max(min, 1e-9)), ledger) >= 1) {
        return false;
      }
    }
    return servable;
  }

  /** Forgets a request that has ended. */
  void forget(long requestId) {
    waiting.remove(requestId);
    carried.remove(requestId);
  }

  /**
   * Marks a request as already in conflict (it was just preempted, and that was counted), so
   * that its waiting for room afterwards is not counted again.
   */
  void waiting(long requestId) {
    carried.add(requestId);
  }
}
