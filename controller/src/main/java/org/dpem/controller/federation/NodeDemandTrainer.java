package org.dpem.controller.federation;

import java.util.Arrays;
import org.dpem.controller.run.Arrivals;
import org.dpem.controller.run.Scenario;
import org.dpem.learning.federated.LeastSquaresModel;
import org.dpem.sim.workload.Request;

/**
 * What {@code dpem agent} federates until the PPO agents exist: a linear autoregressive model of
 * the node's own demand (requests it originates per time bin, divided by their mean so that
 * nodes of different load share one model), fitted by SGD on that node's history only. The
 * history never leaves the node; only the clipped weight delta does.
 */
public final class NodeDemandTrainer implements LocalTrainer {
  /** Past bins the model reads. */
  public static final int LAGS = 8;
  /** Parameters of the federated model: one weight per lag and a bias. */
  public static final int PARAMETERS = LAGS + 1;

  private final LeastSquaresModel.Samples samples;
  private final int epochs;
  private final double learningRate;
  private final LeastSquaresModel model = new LeastSquaresModel(LAGS);

  public NodeDemandTrainer(double[] demand, int epochs, double learningRate) {
    double mean = Arrays.stream(demand).average().orElse(0);
    double[] scaled = Arrays.stream(demand).map(x -> mean > 0 ? x / mean : 0).toArray();
    this.samples = LeastSquaresModel.lagged(scaled, LAGS);
    if (samples.y().length == 0) {
      throw new IllegalArgumentException("the demand history needs more than " + LAGS + " bins, got " + demand.length);
    }
    this.epochs = epochs;
    this.learningRate = learningRate;
  }

  /**
   * The node's requests per bin over the first {@code historySeconds} of the scenario's workload
   * for {@code seed}.
   */
  public static double[] demand(Scenario scenario, long seed, String node, double historySeconds, double binSeconds) {
    int bins = (int) Math.ceil(historySeconds / binSeconds);
    double[] counts = new double[bins];
    Arrivals a = scenario.arrivals().apply(seed);
    long until = Math.round(historySeconds * 1e9);
    for (Request r = a.next(); r != null && r.arrivalNanos() < until; r = a.next()) {
      if (r.src().equals(node)) {
        counts[(int) Math.min(bins - 1, r.arrivalNanos() / Math.round(binSeconds * 1e9))]++;
      }
    }
    return counts;
  }

  @Override
  public synchronized float[] train(float[] global, long round) {
    model.setParameters(global);
    model.train(samples, epochs, learningRate, round);
    return model.parameters();
  }

  /** Mean squared error of {@code weights} on this node's (scaled) history. */
  public synchronized double error(float[] weights) {
    LeastSquaresModel m = new LeastSquaresModel(LAGS);
    m.setParameters(weights);
    return m.mse(samples);
  }
}
