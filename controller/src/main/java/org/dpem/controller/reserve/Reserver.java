package org.dpem.controller.reserve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.dpem.controller.request.Request;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.NetworkModel;

/**
 * Resolves one epoch's claims against the ledger, the same way for every policy.
 *
 * <p>It counts <b>sharing</b>: the (resource, epoch) cells that two or more requests claim in
 * this epoch, whether or not capacity would have sufficed; and <b>over-subscription</b>: cells
 * where the claims plus what running allocations already hold exceed capacity. Sharing grows
 * with the epoch length (a longer epoch gathers more claims), so it is not a conflict count; an
 * over-subscribed resource counts as a conflict once per episode, from the first epoch it is
 * over-subscribed until an epoch in which its claims fit again.
 *
 * <p><b>Resolution</b> is deterministic: claims are taken in order of priority (higher first),
 * then earliest deadline, then request id (a request's claims in the order given); each gets its
 * full rate if it fits, else the largest rate that fits if that is at least its minRate, else it
 * is refused. Memory never scales: it fits whole or not at all. A request may be split over
 * {@link #MAX_PATHS} claims on distinct paths; further claims for it, and a second claim on the
 * same path, are ignored. A {@linkplain Claim#fallback fallback} claim is tried only if every
 * claim before it for its request was refused, and is then resolved like any claim (it is not a
 * split: a request gets at most one fallback); otherwise it is passed over, neither granted nor
 * refused. Every claim, fallbacks included, counts in sharing and over-subscription.
 *
 * <p><b>Stock claims</b> count in contention like any claim (a cell a request and a stock both
 * claim is shared), and are resolved after every request's claim, in the order given.
 */
public final class Reserver {
  private final NetworkModel model;
  private final int[] claimants;
  private final double[] claimed;
  private final boolean[] overEpisode;

  /** The most paths one request may be served on at once. */
  public static final int MAX_PATHS = 2;

  public Reserver(NetworkModel model) {
    this.model = model;
    this.claimants = new int[3 * model.nodeCount()];
    this.claimed = new double[3 * model.nodeCount()];
    this.overEpisode = new boolean[3 * model.nodeCount()];
  }

  public ReservationResult resolve(List<Claim> claims, ResourceLedger ledger,
      LongFunction<Request> requests) {
    return resolve(claims, List.of(), ledger, requests);
  }

  public ReservationResult resolve(List<Claim> claims, List<StockClaim> stock,
      ResourceLedger ledger, LongFunction<Request> requests) {
    record Item(Claim claim, Request request, Usage usage) {}
    List<Item> items = new ArrayList<>(claims.size());
    Map<Long, List<CandidatePath>> seen = new HashMap<>();
    Map<Long, Integer> splits = new HashMap<>();
    for (Claim c : claims) {
      Request r = requests.apply(c.requestId());
      if (r == null) {
        continue;
      }
      List<CandidatePath> paths = seen.computeIfAbsent(c.requestId(), k -> new ArrayList<>(1));
      if (paths.contains(c.path()) || (!c.fallback() && splits.merge(c.requestId(), 1, Integer::sum) > MAX_PATHS)) {
        continue;
      }
      paths.add(c.path());
      items.add(new Item(c, r, Usage.of(model, c.path(), c.rate())));
    }
    List<Integer> touched = new ArrayList<>();
    for (Item it : items) {
      touch(it.usage, touched);
    }
    for (StockClaim sc : stock) {
      touch(sc.usage(), touched);
    }
    int shared = 0;
    int over = 0;
    int newOver = 0;
    for (int r : touched) {
      if (claimants[r] >= 2) {
        shared++;
      }
      boolean isOver = ledger.held(r) + claimed[r] > ledger.capacity(r) + ResourceLedger.EPS;
      if (isOver) {
        over++;
        if (!overEpisode[r]) {
          newOver++;
        }
      }
      overEpisode[r] = isOver;
      claimants[r] = 0;
      claimed[r] = 0;
    }
    items.sort(Comparator.comparingInt((Item it) -> -it.request.priority())
        .thenComparingLong(it -> it.request.deadlineNanos())
        .thenComparingLong(it -> it.request.id()));
    List<Grant> granted = new ArrayList<>();
    List<Claim> refused = new ArrayList<>();
    Set<Long> served = new HashSet<>();
    // stable sort: a request's claims are adjacent and in the order given
    for (Item it : items) {
      long id = it.claim.requestId();
      if (it.claim.fallback() && served.contains(id)) {
        continue; // passed over: a claim before it was granted
      }
      double scale = fit(it.usage, ledger);
      double rate = it.claim.rate() * Math.min(1, scale);
      if (scale > 0 && rate >= it.claim.minRate() * (1 - 1e-12)) {
        Usage u = scale >= 1 ? it.usage : it.usage.scaled(scale);
        ledger.hold(u);
        granted.add(new Grant(it.claim, rate, u));
        served.add(id);
      } else {
        refused.add(it.claim);
      }
    }
    List<StockGrant> stocked = new ArrayList<>(stock.size());
    for (StockClaim sc : stock) {
      double scale = fit(sc.usage(), ledger);
      if (scale > 0 && scale >= sc.minScale() * (1 - 1e-12)) {
        Usage u = scale >= 1 ? sc.usage() : sc.usage().scaled(scale);
        ledger.hold(u);
        stocked.add(new StockGrant(sc, Math.min(1, scale), u));
      }
    }
    return new ReservationResult(granted, refused, shared, over, touched.size(), newOver, stocked);
  }

  private void touch(Usage u, List<Integer> touched) {
    int[] res = u.resources();
    for (int i = 0; i < res.length; i++) {
      if (claimants[res[i]] == 0) {
        touched.add(res[i]);
      }
      claimants[res[i]]++;
      claimed[res[i]] += u.amounts()[i];
    }
  }

  /** The largest factor (capped at 1) by which {@code u}'s rate fits; 0 if memory does not fit. */
  public static double fit(Usage u, ResourceLedger ledger) {
    double scale = 1;
    for (int i = 0; i < u.resources().length; i++) {
      int r = u.resources()[i];
      double free = ledger.free(r);
      double a = u.amounts()[i];
      if (!u.scalable()[i]) {
        if (a > free + ResourceLedger.EPS) {
          return 0;
        }
      } else if (a > 0) {
        scale = Math.min(scale, free / a);
      }
    }
    return Math.max(0, scale);
  }
}
