package org.dpem.controller.federation;

/** An agent's local work in a round: from the global weights to its own new weights. */
@FunctionalInterface
public interface LocalTrainer {
  /**
   * Trains on the agent's own data starting from {@code global}.
   *
   * @return the locally trained weights, same length as {@code global}
   */
  float[] train(float[] global, long round);
}
