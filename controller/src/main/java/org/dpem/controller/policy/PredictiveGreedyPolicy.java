package org.dpem.controller.policy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.learning.forecast.Ewma;
import org.dpem.learning.forecast.Forecaster;

/**
 * Forecast without learning, the baseline a learned policy must beat: {@link GreedyPolicy}'s
 * claims, plus stock orders sized from a forecast of each link's demand. Each epoch the pairs
 * of newly queued requests are counted on every link of their best candidate path; the
 * forecaster (EWMA by default, any {@link Forecaster} through the constructor) predicts those
 * per-link counts over the epochs of the next {@link #HORIZON_SECONDS}, and every link whose predicted
 * demand reaches {@link #MIN_PAIRS} is ordered stocked with that many pairs, at most
 * {@link #MAX_SLOT_SHARE} of its ends' slots (the rest stays for allocations).
 */
public final class PredictiveGreedyPolicy implements AllocationPolicy {
  /**
   * Seconds ahead whose forecast demand a stock is sized for: long enough that a hotspot's
   * stock lasts through the gaps between its requests (the stock renews its pairs meanwhile).
   */
  public static final double HORIZON_SECONDS = 10;
  /**
   * EWMA smoothing of the default forecaster, per epoch: slow (a time constant of 100 epochs),
   * so a persistent hotspot shows and one request does not.
   */
  public static final double ALPHA = 0.01;
  /** The least predicted pairs over the horizon worth stocking a link for. */
  public static final double MIN_PAIRS = 1.0;
  /** The largest share of a link's end's memory slots a stock may hold. */
  public static final double MAX_SLOT_SHARE = 0.5;

  private final BiFunction<Integer, Integer, Forecaster> forecasters;
  private Forecaster forecaster;
  private NetworkModel model;
  private double[] counts;
  private Set<Long> seen = new HashSet<>();

  /** With the EWMA forecaster. */
  public PredictiveGreedyPolicy() {
    this((series, horizon) -> new Ewma(series, horizon, ALPHA));
  }

  /** With forecasters from {@code forecasters}: (series, horizon) to a new forecaster. */
  public PredictiveGreedyPolicy(BiFunction<Integer, Integer, Forecaster> forecasters) {
    this.forecasters = forecasters;
  }

  @Override
  public String name() {
    return "predictive-greedy";
  }

  @Override
  public Decision decide(EpochView view) {
    if (model != view.model()) {
      model = view.model();
      int horizon = (int) Math.max(1, Math.ceil(HORIZON_SECONDS / view.epochSeconds()));
      forecaster = forecasters.apply(model.links().size(), horizon);
      counts = new double[model.links().size()];
    }
    FreeCapacity free = new FreeCapacity(view.resources());
    List<Claim> claims = new ArrayList<>();
    Set<Long> now = new HashSet<>(view.pending().size() * 2);
    java.util.Arrays.fill(counts, 0);
    for (PendingRequest p : view.pending()) {
      now.add(p.id());
      if (!seen.contains(p.id()) && !p.candidates().isEmpty()) {
        count(p.candidates().get(0), p.request().pairs());
      }
      Claim c = GreedyPolicy.firstFit(view, free, p);
      if (c != null) {
        claims.add(c);
      }
    }
    seen = now;
    forecaster.observe(counts);
    return new Decision(claims, stock(forecaster.forecast()));
  }

  private void count(CandidatePath path, int pairs) {
    int[] idx = path.nodeIndex();
    for (int j = 0; j + 1 < idx.length; j++) {
      counts[model.linkBetween(idx[j], idx[j + 1])] += pairs;
    }
  }

  private List<StockOrder> stock(double[][] forecast) {
    List<StockOrder> orders = new ArrayList<>();
    for (int l = 0; l < counts.length; l++) {
      double demand = 0;
      for (double[] step : forecast) {
        demand += step[l];
      }
      if (demand < MIN_PAIRS) {
        continue;
      }
      var link = model.links().get(l);
      int slots = Math.min(model.node(link.a()).map(n -> n.memorySlots()).orElse(0),
          model.node(link.b()).map(n -> n.memorySlots()).orElse(0));
      int cap = (int) Math.floor(slots * MAX_SLOT_SHARE);
      int pairs = Math.min(cap, (int) Math.round(demand));
      if (pairs >= 1) {
        orders.add(new StockOrder(link.a(), link.b(), pairs));
      }
    }
    return orders;
  }
}
