package org.dpem.controller.reserve;

/**
 * A stock claim the reservation confirmed.
 *
 * @param claim what was asked
 * @param scale the fraction of its generation granted, between its minScale and 1
 * @param usage what it holds from now on
 */
public record StockGrant(StockClaim claim, double scale, Usage usage) {}
