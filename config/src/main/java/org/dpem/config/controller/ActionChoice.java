package org.dpem.config.controller;

/**
 * How a trained DPEM policy picks its actions when it is run without learning; YAML names
 * {@code sample} and {@code most-probable}.
 */
public enum ActionChoice {
  /**
   * Drawn from the trained distribution: right for a policy trained by PPO from scratch, whose
   * knowledge is partly a per-epoch probability of claiming.
   */
  SAMPLE,
  /**
   * The most probable allowed action of each head: right for a policy that imitated a
   * deterministic rule, where a sample only adds the rule's mistakes back.
   */
  MOST_PROBABLE
}
