package org.dpem.controller.policy.dpem;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.run.RunOptions;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.run.SimulatedRun;

/**
 * A small network for the DPEM tests: paper-100's physics (heralded budgets, 10 slots, 60 s
 * coherence, F0 0.97) and its mixed workload, on 8 nodes, with the EWMA forecaster so a run takes
 * a fraction of a second.
 */
final class SmallNetwork {
  static final String YAML = """
      version: 1
      network:
        generator:
          type: random-mesh
          nodes: 8
          average_degree: 3
          seed: 42
          link_length_km: [10, 50]
          attenuation_db_per_km: 0.2
          generation_reading: heralded
          generation_rate_pairs_per_s: [0, 10]
          repeater_capacity_pairs_per_s: [0, 5]
          memory_slots: 10
          coherence_time_s: 60
          source_fidelity: 0.97
      controller:
        epoch_ms: 100
        k_paths: 4
        agents:
          forecaster: ewma
          minibatch: 64
          rollout_epochs: 64
          gae_lambda: 0.99
          seed: 3
      workload:
        type: mixed
        rate_per_s: 2
        period_s: 300
        amplitude: 0.5
        burst_factor: 3
        mean_burst_s: 10
        mean_calm_s: 60
        hotspots: 2
        hotspot_share: 0.3
        hotspot_lifetime_s: 120
        gravity_spread: 1.0
        min_fidelity: [0.55, 0.8]
        pairs: [1, 5]
        deadline_s: [5, 30]
        seed: 7
      """;

  private SmallNetwork() {}

  static DpemConfig config() {
    try {
      return ConfigLoader.parse(YAML, "small-network.yaml");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Scenario scenario() {
    return ScenarioBuilder.build(config());
  }

  /** One simulated run of {@code seconds} under {@code policy} (by name from the scenario, or the given one). */
  static RunReport run(Scenario s, AllocationPolicy policy, long seed, double seconds) {
    Function<String, AllocationPolicy> policies = name -> policy;
    return new SimulatedRun(s.withPolicies(policies), new RunOptions(policy.name(), seed,
        OptionalDouble.of(seconds), 100, 4, null, OptionalInt.empty(), false, false,
        OptionalDouble.empty())).run();
  }

  /** Records every view a policy decides on, passing decisions through. */
  static final class Recording implements AllocationPolicy {
    final AllocationPolicy inner;
    final List<EpochView> views = new ArrayList<>();
    final List<Decision> decisions = new ArrayList<>();

    Recording(AllocationPolicy inner) {
      this.inner = inner;
    }

    @Override
    public String name() {
      return inner.name();
    }

    @Override
    public boolean readsForecasts() {
      return inner.readsForecasts();
    }

    @Override
    public Decision decide(EpochView view) {
      Decision d = inner.decide(view);
      views.add(view);
      decisions.add(d);
      return d;
    }
  }
}
