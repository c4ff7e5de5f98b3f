package org.dpem.controller.admin;

/**
 * Federated averaging so far.
 *
 * @param round rounds completed
 * @param participants agents in the last round
 * @param epsilonSpent privacy spent (epsilon) at {@code delta}
 * @param delta the accountant's delta
 */
public record FederationStatus(long round, int participants, double epsilonSpent, double delta) {}
