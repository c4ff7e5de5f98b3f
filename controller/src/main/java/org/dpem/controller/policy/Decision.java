package org.dpem.controller.policy;

import java.util.List;
import org.dpem.controller.reserve.Claim;

/**
 * What a policy decides in one epoch: claims for queued requests, and stock orders that ask
 * links to generate pairs ahead of demand. Both go through the same reservation, so a policy
 * that stocks competes for the same generation and slots as one that claims.
 *
 * @param claims requests to serve now; a request left out waits
 * @param stock links to stock ahead of demand
 */
public record Decision(List<Claim> claims, List<StockOrder> stock) {
  public static final Decision NONE = new Decision(List.of(), List.of());

  public Decision {
    claims = List.copyOf(claims);
    stock = List.copyOf(stock);
  }

  /** A decision with claims only, what a purely reactive policy returns. */
  public static Decision of(List<Claim> claims) {
    return new Decision(claims, List.of());
  }
}
