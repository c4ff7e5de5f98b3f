package org.dpem.controller.forecast;

import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.policy.NodeForecast;
import org.dpem.learning.forecast.BatchForecaster;

/**
 * Every node's forecaster, fed by the requests each node sees: the loop records arrivals as
 * they come and calls {@link #advance} at the start of each epoch; every
 * {@link ForecastSpec#stepEpochs} epochs the step is closed, every node observes it (one batched
 * call) and the forecasts are renewed. In between, the views carry the last forecasts. Loop
 * thread only.
 */
public final class NodeForecasting implements AutoCloseable {
  private final DemandHistory history;
  private final BatchForecaster forecaster;
  private final int stepEpochs;
  private List<NodeForecast> latest;
  private long epochs;

  public NodeForecasting(int nodes, ForecastSpec spec) {
    this.history = new DemandHistory(nodes, spec.groups());
    this.stepEpochs = spec.stepEpochs();
    this.forecaster = spec.factory().create(nodes, spec.groups(), spec.horizon());
    List<NodeForecast> none = new ArrayList<>(nodes);
    for (int i = 0; i < nodes; i++) {
      none.add(NodeForecast.NONE);
    }
    this.latest = List.copyOf(none);
  }

  public String forecaster() {
    return forecaster.name();
  }

  /** A request from node index {@code source} to {@code destination} for {@code pairs} pairs arrived. */
  public void record(int source, int destination, int pairs) {
    history.record(source, destination, pairs);
  }

  /**
   * Ends an epoch; at the end of a step every node observes it. Returns every node's forecast
   * (per step), in model order.
   */
  public List<NodeForecast> advance() {
    // the loop's first call opens epoch 0: nothing has ended yet
    if (epochs++ == 0 || (epochs - 1) % stepEpochs != 0) {
      return latest;
    }
    forecaster.observe(history.close());
    double[][][] f = forecaster.forecast();
    List<NodeForecast> out = new ArrayList<>(f.length);
    for (double[][] node : f) {
      out.add(new NodeForecast(node));
    }
    latest = List.copyOf(out);
    return latest;
  }

  /** The forecasts of the last {@link #advance}. */
  public List<NodeForecast> latest() {
    return latest;
  }

  @Override
  public void close() {
    forecaster.close();
  }
}
