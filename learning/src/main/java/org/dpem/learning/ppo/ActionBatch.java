package org.dpem.learning.ppo;

/**
 * What the policy chose for a batch of observations: {@code actions[row * heads + head]}, the
 * joint log-probability of each row's actions (sum over heads) and the value estimate of each
 * row. Arrays are handed over, not copied: the caller owns them.
 */
public record ActionBatch(int batch, int heads, int[] actions, float[] logProbs, float[] values) {

  /** The action of {@code head} for row {@code row}. */
  public int action(int row, int head) {
    return actions[row * heads + head];
  }
}
