package org.dpem.controller.policy;

import java.util.List;
import org.dpem.controller.reserve.Claim;

/**
 * What a policy decides in one epoch: claims for queued requests, stock orders that ask links to
 * generate pairs ahead of demand, and control actions on running allocations. All go through the
 * same reservation, so a policy that stocks or re-rates competes for the same generation and
 * slots as one that claims. A request may be split over two paths by claiming it twice.
 *
 * @param claims requests to serve now (at most two claims per request, on distinct paths); a
 *     request left out waits
 * @param stock links to stock ahead of demand
 * @param actions re-rate, preempt or abandon running allocations; applied before the claims
 */
public record Decision(List<Claim> claims, List<StockOrder> stock, List<ControlAction> actions) {
  public static final Decision NONE = new Decision(List.of(), List.of(), List.of());

  public Decision {
    claims = List.copyOf(claims);
    stock = List.copyOf(stock);
    actions = List.copyOf(actions);
  }

  /** Claims and stock orders, no control actions. */
  public Decision(List<Claim> claims, List<StockOrder> stock) {
    this(claims, stock, List.of());
  }

  /** A decision with claims only, what a purely reactive policy returns. */
  public static Decision of(List<Claim> claims) {
    return new Decision(claims, List.of());
  }
}
