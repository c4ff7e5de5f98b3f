package org.dpem.controller.policy;

import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.topology.CandidatePath;

/**
 * The paper's "existing centralized scheme": one scheduler serves queued requests first come,
 * first served, each on the first of its feasible candidate paths (best yield first) that still
 * has room for at least the request's minimum rate, at its target rate or as much of it as fits.
 * A request no path can take waits for the next epoch.
 */
public final class GreedyPolicy implements AllocationPolicy {
  @Override
  public String name() {
    return "greedy";
  }

  @Override
  public Decision decide(EpochView view) {
    FreeCapacity free = new FreeCapacity(view.resources());
    List<Claim> claims = new ArrayList<>();
    for (PendingRequest p : view.pending()) {
      Claim c = firstFit(view, free, p);
      if (c != null) {
        claims.add(c);
      }
    }
    return Decision.of(claims);
  }

  /** The first candidate path with room for {@code p}, claimed in {@code free}; or null. */
  static Claim firstFit(EpochView view, FreeCapacity free, PendingRequest p) {
    for (CandidatePath path : p.candidates()) {
      double min = p.minRate(path);
      double target = Math.max(p.targetRate(), min);
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
