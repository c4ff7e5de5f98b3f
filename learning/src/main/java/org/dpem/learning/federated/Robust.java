package org.dpem.learning.federated;

/**
 * How the aggregator combines the round's clipped updates, and what that does to the privacy
 * guarantee. Every rule first clips each update to the clip norm S (an agent that did not clip
 * is clipped here), and every rule adds the same Gaussian noise.
 */
public enum Robust {
  /**
   * DP-FedAvg: the sum of the clipped updates plus noise, divided by the expected number of
   * participants. One agent changes the sum by at most S, so the accountant's (epsilon, delta)
   * holds as reported. No protection against poisoning beyond the clip: an attacker moves each
   * round's average by up to S / (q N).
   */
  NONE,
  /**
   * As {@link #NONE}, with every update clipped further to the norm bound B (at most S). The
   * sensitivity is min(B, S), so the reported epsilon (computed for S) is still a valid, now
   * conservative, bound. Limits how far one attacker moves the average; does not remove a
   * consistent attacker.
   */
  NORM_BOUND,
  /**
   * Coordinate-wise trimmed mean: in each coordinate the largest and the smallest
   * {@code trimFraction} of the received values are dropped and the rest averaged. Removes
   * attackers up to that fraction. <b>The reported epsilon does not hold</b>: adding or
   * removing one agent shifts which values are trimmed, so the aggregate's sensitivity is not
   * S / (q N) and the noise is not calibrated to it. Use it when the threat is poisoning agents
   * rather than a curious reader of the model.
   */
  TRIMMED_MEAN,
  /**
   * Coordinate-wise median. Tolerates up to half the participants poisoned, at some loss of
   * accuracy on heterogeneous data. <b>The reported epsilon does not hold</b>, for the same reason
   * as {@link #TRIMMED_MEAN}: one agent can move each coordinate's median to a neighbouring order
   * statistic, a change that depends on the other agents' values, not on S alone.
   */
  MEDIAN;

  /** Whether the accountant's (epsilon, delta) is a valid guarantee under this rule. */
  public boolean keepsPrivacyGuarantee() {
    return this == NONE || this == NORM_BOUND;
  }
}
