package org.dpem.learning.forecast;

/**
 * How the per-unit LSTM is shaped and trained.
 *
 * @param hidden hidden units of each unit's LSTM cell
 * @param window epochs unrolled per training sequence (truncated back-propagation through time)
 * @param trainEvery epochs between two online training rounds
 * @param stepsPerRound Adam steps per training round
 * @param batch sequences per unit per step, drawn from the unit's recent history
 * @param memory epochs of history kept per unit for training (at least window + horizon + 1)
 * @param learningRate Adam's learning rate
 * @param season epochs per season, for the phase features (sine and cosine of the phase);
 *     0 or 1: no phase features
 * @param baseAlpha smoothing factor of the exponentially weighted level that the LSTM corrects
 * @param seed seed of the weight initialisation and of the sequence draws
 */
public record LstmSettings(int hidden, int window, int trainEvery, int stepsPerRound, int batch,
    int memory, double learningRate, int season, double baseAlpha, long seed) {

  public LstmSettings {
    if (hidden < 1 || window < 1 || trainEvery < 1 || stepsPerRound < 1 || batch < 1) {
      throw new IllegalArgumentException("lstm: hidden, window, train_every, steps and batch must be at least 1");
    }
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new IllegalArgumentException("lstm: learning rate must be in (0, 1), got " + learningRate);
    }
    if (!(baseAlpha > 0 && baseAlpha <= 1)) {
      throw new IllegalArgumentException("lstm: base alpha must be in (0, 1], got " + baseAlpha);
    }
    if (season < 0) {
      throw new IllegalArgumentException("lstm: season must be >= 0, got " + season);
    }
  }

  /** The defaults: 16 hidden units, 32-epoch sequences, a round of 4 steps every 20 epochs. */
  public static LstmSettings defaults(int season, long seed) {
    return new LstmSettings(16, 32, 20, 4, 8, 1024, 0.005, season, 0.1, seed);
  }

  public LstmSettings withWindow(int w) {
    return new LstmSettings(hidden, w, trainEvery, stepsPerRound, batch, memory, learningRate, season, baseAlpha, seed);
  }

  public LstmSettings withTraining(int every, int steps) {
    return new LstmSettings(hidden, window, every, steps, batch, memory, learningRate, season, baseAlpha, seed);
  }
}
