package org.dpem.config.controller;

import java.util.Objects;

/**
 * Per-node learning agents (policy {@code dpem}).
 *
 * @param forecastHorizon epochs of demand the forecaster predicts
 * @param historyEpochs epochs of request history the forecaster reads
 * @param forecaster forecaster model
 * @param hiddenUnits width of the actor-critic's hidden layers
 * @param learningRate PPO learning rate
 * @param discount reward discount gamma
 * @param ppoClip PPO ratio clip epsilon
 * @param minibatch PPO minibatch size
 * @param contentionPenalty reward penalty per contention
 * @param seed seed for weight initialisation and exploration
 */
public record AgentsConfig(int forecastHorizon, int historyEpochs, Forecaster forecaster, int hiddenUnits,
    double learningRate, double discount, double ppoClip, int minibatch, double contentionPenalty, long seed) {

  public static final AgentsConfig DEFAULT = new AgentsConfig(8, 32, Forecaster.LSTM, 64, 3e-4, 0.99, 0.2, 256, 0.1, 1L);

  public AgentsConfig {
    Objects.requireNonNull(forecaster);
  }
}
