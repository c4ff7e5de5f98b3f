package org.dpem.controller.request;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dpem.controller.topology.FidelityModel;
import org.dpem.controller.topology.NetworkModel;

/**
 * Every request the controller has seen, with admission checks and the only legal way to change a
 * request's state. Loop thread only.
 */
public final class RequestBook {
  private final NetworkModel model;
  private final RequestListener listener;
  private final Map<Long, TrackedRequest> all = new HashMap<>();
  private final LinkedHashMap<Long, TrackedRequest> live = new LinkedHashMap<>();
  private final int[][] hopDistance;
  private final double bestLinkFidelity;
  private final ArrayDeque<Long> ended = new ArrayDeque<>();
  private final int retainEnded;
  private long nextId = 1;

  /** Keeps the last {@link #DEFAULT_RETAIN} ended requests for look-up. */
  public RequestBook(NetworkModel model, RequestListener listener) {
    this(model, listener, DEFAULT_RETAIN);
  }

  /** Ended requests are kept for look-up; past this many the oldest are dropped. */
  public static final int DEFAULT_RETAIN = 100_000;

  /**
   * @param retainEnded how many ended requests to keep for look-up; older ones are forgotten
   *     (their history stays in the journal and their counts in the metrics), so a controller
   *     that runs for days does not grow without bound
   */
  public RequestBook(NetworkModel model, RequestListener listener, int retainEnded) {
    this.model = model;
    this.listener = listener;
    this.retainEnded = retainEnded;
    this.hopDistance = new int[model.nodeCount()][];
    this.bestLinkFidelity = model.bestLinkFidelity();
  }

  /**
   * Admits a request, or creates it REJECTED with the reason. Either way it gets an id.
   *
   * @param drained nodes (by index) that take no new allocations
   */
  public TrackedRequest submit(Request.Spec spec, long nowNanos, BitSet drained) {
    Request r = new Request(nextId++, spec.source(), spec.destination(), spec.minFidelity(),
        spec.pairs(), nowNanos, spec.deadlineNanos(), spec.priority());
    String[] why = new String[1];
    RejectReason reason = check(r, drained, why);
    TrackedRequest t = reason == null
        ? new TrackedRequest(r, RequestState.QUEUED, null, "")
        : new TrackedRequest(r, RequestState.REJECTED, reason, why[0]);
    all.put(r.id(), t);
    if (reason == null) {
      live.put(r.id(), t);
    } else {
      retire(t);
    }
    listener.admitted(t);
    return t;
  }

  private RejectReason check(Request r, BitSet drained, String[] why) {
    int s = model.indexOf(r.source());
    int d = model.indexOf(r.destination());
    if (s < 0 || d < 0) {
      why[0] = "unknown node " + (s < 0 ? r.source() : r.destination());
      return RejectReason.UNKNOWN_NODE;
    }
    if (s == d) {
      why[0] = "source and destination are both " + r.source();
      return RejectReason.INVALID;
    }
    if (r.pairs() < 1) {
      why[0] = "pairs must be >= 1, got " + r.pairs();
      return RejectReason.INVALID;
    }
    if (!(r.minFidelity() > 0.25 && r.minFidelity() <= 1)) {
      why[0] = "min fidelity must be in (0.25, 1], got " + r.minFidelity();
      return RejectReason.INVALID;
    }
    if (r.deadlineNanos() <= r.arrivalNanos()) {
      why[0] = "deadline passed " + (r.arrivalNanos() - r.deadlineNanos()) / 1e9 + " s before arrival";
      return RejectReason.PAST_DEADLINE;
    }
    if (drained.get(s) || drained.get(d)) {
      why[0] = "node " + (drained.get(s) ? r.source() : r.destination()) + " is drained";
      return RejectReason.NODE_DRAINED;
    }
    int hops = hops(s, d);
    if (hops < 0) {
      why[0] = r.source() + " and " + r.destination() + " are not connected";
      return RejectReason.NO_PATH;
    }
    int limit = FidelityModel.hopLimit(r.minFidelity(), bestLinkFidelity);
    if (hops > limit) {
      why[0] = "floor " + r.minFidelity() + " allows at most " + limit + " hops (best link fidelity "
          + bestLinkFidelity + "), the shortest path has " + hops;
      return RejectReason.INFEASIBLE_FIDELITY;
    }
    return null;
  }

  /** Fewest hops between two nodes in the static model, or -1 if disconnected. */
  public int hops(int s, int d) {
    if (hopDistance[s] == null) {
      int[] dist = new int[model.nodeCount()];
      Arrays.fill(dist, -1);
      dist[s] = 0;
      ArrayDeque<Integer> q = new ArrayDeque<>();
      q.add(s);
      while (!q.isEmpty()) {
        int u = q.poll();
        for (int l : model.linksAt(u)) {
          int v = model.indexOf(model.links().get(l).other(model.node(u).id()));
          if (dist[v] < 0) {
            dist[v] = dist[u] + 1;
            q.add(v);
          }
        }
      }
      hopDistance[s] = dist;
    }
    return hopDistance[s][d];
  }

  public Optional<TrackedRequest> get(long id) {
    return Optional.ofNullable(all.get(id));
  }

  /** Live requests (QUEUED or ALLOCATED) in arrival order. */
  public Collection<TrackedRequest> live() {
    return live.values();
  }

  /** QUEUED requests in arrival order. */
  public List<TrackedRequest> queued() {
    List<TrackedRequest> out = new ArrayList<>();
    for (TrackedRequest t : live.values()) {
      if (t.state() == RequestState.QUEUED) {
        out.add(t);
      }
    }
    return out;
  }

  /** Live requests and the most recently ended ones (see the retention limit). */
  public Collection<TrackedRequest> all() {
    return all.values();
  }

  public int size() {
    return all.size();
  }

  public long nextId() {
    return nextId;
  }

  /** Moves a live request; terminal moves take it out of the live set. */
  public void move(TrackedRequest t, RequestState to, RejectReason why, String detail, long now) {
    RequestState from = t.state();
    t.moveTo(to, why, detail, now);
    if (to.terminal()) {
      live.remove(t.id());
      retire(t);
    }
    listener.moved(t, from);
  }

  private void retire(TrackedRequest t) {
    ended.add(t.id());
    while (ended.size() > retainEnded) {
      all.remove(ended.poll());
    }
  }

  public void allocate(TrackedRequest t, long allocationId, long now) {
    t.allocation(allocationId);
    if (t.state() != RequestState.ALLOCATED) {
      move(t, RequestState.ALLOCATED, null, null, now);
    }
  }

  /** Counts a pair that met the floor before the deadline. */
  public void delivered(TrackedRequest t, double fidelity, long now) {
    t.addDelivered(fidelity);
    listener.pairDelivered(t, fidelity, now);
  }

  /** Never hands out an id below {@code next} (ids used in archived journal history). */
  public void idsFrom(long next) {
    nextId = Math.max(nextId, next);
  }

  /**
   * Re-creates a request from the journal with its last known progress. Live ones come back
   * QUEUED: whatever allocation served them died with the previous process.
   */
  public TrackedRequest restore(Request r, RequestState state, RejectReason reason, int delivered,
      double fidelitySum) {
    RequestState initial = state.terminal() ? state : RequestState.QUEUED;
    TrackedRequest t = new TrackedRequest(r, initial, reason, state.terminal() ? "" : "recovered");
    t.restore(delivered, fidelitySum);
    all.put(r.id(), t);
    if (initial.terminal()) {
      // a long journal holds more ended requests than the book keeps for look-up
      retire(t);
    } else {
      live.put(r.id(), t);
    }
    nextId = Math.max(nextId, r.id() + 1);
    return t;
  }
}
