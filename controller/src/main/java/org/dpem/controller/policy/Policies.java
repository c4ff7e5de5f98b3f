package org.dpem.controller.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.config.controller.GreedyConfig;
import org.dpem.controller.policy.dpem.DpemPolicy;
import org.dpem.learning.forecast.Forecaster;

/** The policies available by name; new ones (the learned DPEM policy) register here. */
public final class Policies {
  private static final Map<String, Supplier<AllocationPolicy>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("greedy", GreedyPolicy::new);
    BY_NAME.put("greedy-tuned", () -> new GreedyPolicy("greedy-tuned", GreedyConfig.TUNED));
    BY_NAME.put("central-lp", CentralLpPolicy::new);
    BY_NAME.put("max-weight", MaxWeightPolicy::new);
    BY_NAME.put("predictive-greedy", PredictiveGreedyPolicy::new);
    BY_NAME.put(DpemPolicy.NAME, () -> DpemPolicy.learning(AgentsConfig.DEFAULT));
  }

  private Policies() {}

  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /** A new instance of the named policy. */
  public static AllocationPolicy create(String name) {
    Supplier<AllocationPolicy> s = BY_NAME.get(name);
    if (s == null) {
      throw new IllegalArgumentException("unknown policy '" + name + "' (known: "
          + String.join(", ", BY_NAME.keySet()) + ")");
    }
    return s.get();
  }

  /**
   * A factory for the named policies with the parameters a config gives: {@code greedy}
   * and {@code greedy-tuned} from {@code greedy} and {@code tuned}, {@code predictive-greedy}
   * forecasting with {@code stockForecasts} ((series, horizon) to a new forecaster), every other
   * policy as {@link #create}.
   */
  public static Function<String, AllocationPolicy> configured(GreedyConfig greedy, GreedyConfig tuned,
      BiFunction<Integer, Integer, Forecaster> stockForecasts) {
    return configured(greedy, tuned, stockForecasts, AgentsConfig.DEFAULT);
  }

  /** As above, with {@code dpem} learning online from fresh weights under {@code agents}. */
  public static Function<String, AllocationPolicy> configured(GreedyConfig greedy, GreedyConfig tuned,
      BiFunction<Integer, Integer, Forecaster> stockForecasts, AgentsConfig agents) {
    return name -> switch (name) {
      case "greedy" -> new GreedyPolicy("greedy", greedy);
      case "greedy-tuned" -> new GreedyPolicy("greedy-tuned", tuned);
      case "predictive-greedy" -> new PredictiveGreedyPolicy(stockForecasts);
      case DpemPolicy.NAME -> DpemPolicy.learning(agents);
      default -> create(name);
    };
  }

  /** Registers another policy, e.g. the learned one, under {@code name}. */
  public static synchronized void register(String name, Supplier<AllocationPolicy> factory) {
    BY_NAME.put(name, factory);
  }
}
