package org.dpem.controller.experiment;

import java.util.List;

/** The per-run metrics an experiment tabulates, ARCHITECTURE.md's definitions, by report field name. */
final class Metrics {
  private Metrics() {}

  /** Columns of {@code results.csv}, in order; a field a run does not report stays empty. */
  static final List<String> COLUMNS = List.of("delivery_rate", "delivery_rate_admitted",
      "delivered_pairs_per_s", "contention_events", "contention_per_1000_requests",
      "oversubscribed_cells", "waste", "mean_fidelity", "p5_fidelity", "latency_p50_s",
      "latency_p99_s", "jain_fairness", "fraction_of_bound", "upper_bound_pairs_per_s",
      "upper_bound_method", "requests", "pairs_requested", "pairs_delivered", "stocked_pairs",
      "stocked_pairs_used", "stocked_pairs_wasted", "convergence_steps", "epsilon_spent",
      "wall_seconds");

  /** Metrics tested for differences between methods. */
  static final List<String> TESTED = List.of("delivery_rate", "delivered_pairs_per_s",
      "contention_per_1000_requests", "contention_events", "oversubscribed_cells",
      "fraction_of_bound", "waste", "mean_fidelity", "p5_fidelity", "latency_p50_s",
      "jain_fairness");

  static final String DELIVERY = "delivery_rate";
  static final String CONTENTION = "contention_per_1000_requests";
}
