package org.dpem.config.controller;

/**
 * Allocation policy; YAML names {@code greedy}, {@code greedy-tuned}, {@code central-lp},
 * {@code max-weight}, {@code predictive-greedy}, {@code dpem}.
 */
public enum Policy {
  /** Shortest feasible path first, first come first served. */
  GREEDY,
  /** Greedy with the rate margin and order of the documented search (controller.greedy_tuned). */
  GREEDY_TUNED,
  /** Centralized linear program over all pending requests. */
  CENTRAL_LP,
  /** Centralized max-weight scheduling. */
  MAX_WEIGHT,
  /** Greedy plus link stocks sized from an EWMA forecast of each link's demand. */
  PREDICTIVE_GREEDY,
  /** Distributed forecasting + PPO agents with federated averaging. */
  DPEM
}
