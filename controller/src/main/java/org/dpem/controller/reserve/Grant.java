package org.dpem.controller.reserve;

/**
 * A claim the reservation confirmed.
 *
 * @param claim what was asked
 * @param rate the rate granted, between the claim's minRate and rate
 * @param usage what it holds at that rate
 */
public record Grant(Claim claim, double rate, Usage usage) {}
