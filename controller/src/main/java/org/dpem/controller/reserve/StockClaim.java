package org.dpem.controller.reserve;

import java.util.Objects;

/**
 * An ask to grow (or start) one link's stock in one epoch: its memory slots at both ends, whole
 * or not at all, and generation to fill them, scaled down to {@code minScale} at worst. It is
 * resolved after every request's claim, so stock only takes what the epoch's demand leaves.
 *
 * @param link the link's index in the network model
 * @param usage what the stock would add to the ledger at full generation
 * @param minScale the least fraction of the generation worth having, in (0, 1]
 */
public record StockClaim(int link, Usage usage, double minScale) {
  public StockClaim {
    Objects.requireNonNull(usage, "usage");
    if (!(minScale > 0 && minScale <= 1)) {
      throw new IllegalArgumentException("stock claim on link " + link + ": min scale must be in (0, 1], got " + minScale);
    }
  }
}
