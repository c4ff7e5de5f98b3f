package org.dpem.controller.policy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dpem.config.controller.GreedyConfig;
import org.dpem.config.controller.GreedyOrder;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.CandidatePath;

/**
 * The paper's "existing centralized scheme": one scheduler serves queued requests in a fixed
 * order (first come first served unless configured), each on the first of its feasible candidate
 * paths (best yield first) that still has room for at least the request's minimum rate, at its
 * target rate (the needed rate times a margin) or as much of it as fits. A request no path can
 * take waits for the next epoch.
 */
public final class GreedyPolicy implements AllocationPolicy {
  private final String name;
  private final GreedyConfig settings;

  /** The untuned baseline, {@code greedy}: margin 2, arrival order. */
  public GreedyPolicy() {
    this("greedy", GreedyConfig.DEFAULT);
  }

  public GreedyPolicy(String name, GreedyConfig settings) {
    this.name = name;
    this.settings = settings;
  }

  @Override
  public String name() {
    return name;
  }

  public GreedyConfig settings() {
    return settings;
  }

  @Override
  public Decision decide(EpochView view) {
    FreeCapacity free = new FreeCapacity(view.resources());
    List<Claim> claims = new ArrayList<>();
    for (PendingRequest p : ordered(view)) {
      Claim c = firstFit(view, free, p, settings.rateMargin());
      if (c != null) {
        claims.add(c);
      }
    }
    return Decision.of(claims);
  }

  private List<PendingRequest> ordered(EpochView view) {
    if (settings.order() == GreedyOrder.ARRIVAL) {
      return view.pending();
    }
    List<PendingRequest> out = new ArrayList<>(view.pending());
    Comparator<PendingRequest> by = settings.order() == GreedyOrder.EARLIEST_DEADLINE
        ? Comparator.comparingDouble(PendingRequest::secondsLeft)
        : Comparator.comparingDouble(p -> cost(view, p));
    // stable sort: ties keep arrival order
    out.sort(by);
    return out;
  }

  /**
   * Generation and swapping that the request's remaining pairs need on its best candidate, each
   * as a share of that resource's capacity, so that a scarce node's capacity counts for more.
   */
  static double cost(EpochView view, PendingRequest p) {
    if (p.candidates().isEmpty()) {
      return Double.POSITIVE_INFINITY;
    }
    Usage u = Usage.of(view.model(), p.candidates().get(0), 1);
    double c = 0;
    for (int i = 0; i < u.resources().length; i++) {
      if (u.scalable()[i]) {
        c += u.amounts()[i] / Math.max(1e-9, view.resources().capacity(u.resources()[i]));
      }
    }
    return c * p.remaining();
  }

  /** As {@link #firstFit(EpochView, FreeCapacity, PendingRequest, double)} at the shared margin. */
  static Claim firstFit(EpochView view, FreeCapacity free, PendingRequest p) {
    return firstFit(view, free, p, PendingRequest.RATE_MARGIN);
  }

  /** The first candidate path with room for {@code p} at {@code margin}, claimed in {@code free}; or null. */
  static Claim firstFit(EpochView view, FreeCapacity free, PendingRequest p, double margin) {
    for (CandidatePath path : p.candidates()) {
      double min = p.minRate(path);
      double target = Math.max(margin * p.neededRate(), min);
      Usage u = Usage.of(view.model(), path, target);
      double scale = free.fit(u);
      double rate = target * Math.min(1, scale);
      if (scale > 0 && rate >= min) {
        free.take(scale >= 1 ? u : u.scaled(scale));
        return new Claim(p.id(), path, rate, Math.min(rate, min));
      }
    }
    return null;
  }
}
