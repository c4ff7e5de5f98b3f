package org.dpem.learning.federated;

/** What the aggregator did with an update. */
public enum Verdict {
  ACCEPTED,
  /** For another round than the open one: late, or from a restarted agent. */
  STALE,
  /** No round is open (between rounds, or the budget is spent). */
  NO_ROUND,
  /** The agent was not sampled for this round. */
  NOT_SAMPLED,
  /** The agent already sent an update for this round. */
  DUPLICATE,
  /** Wrong number of parameters, or a NaN or infinite value. */
  MALFORMED
}
