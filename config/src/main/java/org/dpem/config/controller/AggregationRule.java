package org.dpem.config.controller;

/** How the federation aggregator combines updates (see the README on what each does to privacy). */
public enum AggregationRule {
  /** DP-FedAvg: noised sum over the expected participant count. */
  MEAN,
  /** DP-FedAvg with every update clipped further to {@code norm_bound}. */
  NORM_BOUND,
  /** Coordinate-wise trimmed mean; the reported epsilon does not hold. */
  TRIMMED_MEAN,
  /** Coordinate-wise median; the reported epsilon does not hold. */
  MEDIAN
}
