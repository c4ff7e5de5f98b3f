package org.dpem.config.controller;

/**
 * The order in which greedy serves queued requests; YAML names {@code arrival},
 * {@code earliest-deadline}, {@code cheapest-first}.
 */
public enum GreedyOrder {
  /** First come, first served. */
  ARRIVAL,
  /** The request whose deadline comes first. */
  EARLIEST_DEADLINE,
  /** The request whose remaining pairs cost the least generation and swapping on its best path. */
  CHEAPEST_FIRST
}
