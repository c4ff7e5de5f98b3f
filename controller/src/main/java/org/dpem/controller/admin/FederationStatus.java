package org.dpem.controller.admin;

/**
 * Federated averaging so far.
 *
 * @param state {@code running}, or {@code budget_spent} once the epsilon budget stopped it
 * @param round id of the last round opened (0 before the first)
 * @param rounds rounds completed
 * @param participants updates accepted in the last completed round
 * @param sampled agents sampled for the last completed round
 * @param agents agents taking part in the federation
 * @param droppedUpdates updates dropped by the aggregator over all rounds (late, stale, duplicate,
 *     unsampled, malformed)
 * @param rejectedMessages messages the transport refused (unknown key, bad signature, replay)
 * @param epsilonSpent privacy spent at {@code delta}; null when there is no guarantee (no noise)
 * @param delta the accountant's delta
 * @param epsilonBudget the configured budget, null for none
 * @param budgetLeft the budget minus what is spent, null without a budget or guarantee
 * @param rule the aggregation rule
 * @param guaranteeHolds whether the rule keeps the reported epsilon valid
 */
public record FederationStatus(String state, long round, long rounds, int participants, int sampled, int agents,
    long droppedUpdates, long rejectedMessages, Double epsilonSpent, double delta, Double epsilonBudget,
    Double budgetLeft, String rule, boolean guaranteeHolds) {}
