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
 * @param wastePenalty reward penalty per stocked pair wasted (generated but never handed over)
 * @param rolloutEpochs epochs of every node's experience gathered before each PPO update
 * @param updateEpochs passes over a rollout per PPO update
 * @param entropyCoef PPO entropy bonus weight
 * @param gaeLambda GAE(lambda) trace parameter
 * @param imitationUpdates updates at the start of training in which the agents act by a known
 *     rule (greedy-tuned's) and learn to imitate it, before PPO takes over; 0: PPO from the start
 * @param teacherWeight weight of the teacher's log-likelihood in every PPO update (kickstarting):
 *     keeps the policy near the rule unless the reward pulls it away; 0: plain PPO
 * @param evaluation how a trained policy picks its actions when it does not learn
 */
public record AgentsConfig(int forecastHorizon, int historyEpochs, Forecaster forecaster, int hiddenUnits,
    double learningRate, double discount, double ppoClip, int minibatch, double contentionPenalty, long seed,
    double wastePenalty, int rolloutEpochs, int updateEpochs, double entropyCoef, double gaeLambda,
    int imitationUpdates, double teacherWeight, ActionChoice evaluation) {

  // rollout, epochs and entropy bonus: CleanRL's ppo.py defaults (128 steps, 4 epochs, 0.01)
  public static final AgentsConfig DEFAULT = new AgentsConfig(8, 32, Forecaster.LSTM, 64, 3e-4, 0.99, 0.2, 256, 0.1, 1L,
      0.1, 128, 4, 0.01, 0.95, 0, 0, ActionChoice.SAMPLE);

  public AgentsConfig {
    Objects.requireNonNull(forecaster);
    Objects.requireNonNull(evaluation);
  }

  /** These settings with another teacher weight. */
  public AgentsConfig withTeacherWeight(double weight) {
    return new AgentsConfig(forecastHorizon, historyEpochs, forecaster, hiddenUnits, learningRate, discount, ppoClip,
        minibatch, contentionPenalty, seed, wastePenalty, rolloutEpochs, updateEpochs, entropyCoef, gaeLambda,
        imitationUpdates, weight, evaluation);
  }

  /** These settings with another imitation warm start. */
  public AgentsConfig withImitationUpdates(int updates) {
    return new AgentsConfig(forecastHorizon, historyEpochs, forecaster, hiddenUnits, learningRate, discount, ppoClip,
        minibatch, contentionPenalty, seed, wastePenalty, rolloutEpochs, updateEpochs, entropyCoef, gaeLambda, updates,
        teacherWeight, evaluation);
  }

  /** These settings with another way of picking actions when not learning. */
  public AgentsConfig withEvaluation(ActionChoice choice) {
    return new AgentsConfig(forecastHorizon, historyEpochs, forecaster, hiddenUnits, learningRate, discount, ppoClip,
        minibatch, contentionPenalty, seed, wastePenalty, rolloutEpochs, updateEpochs, entropyCoef, gaeLambda,
        imitationUpdates, teacherWeight, choice);
  }
}
