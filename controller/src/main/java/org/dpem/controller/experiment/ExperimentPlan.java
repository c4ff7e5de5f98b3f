package org.dpem.controller.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dpem.controller.policy.dpem.DpemPolicy;

/**
 * What an experiment runs: methods x evaluation seeds x sweep points, every method on identical
 * inputs per seed.
 *
 * @param configYaml the experiment's configuration text
 * @param configName where it came from, for messages and reports
 * @param methods policy names, in report order
 * @param seeds evaluation seeds
 * @param durationS simulated seconds of arrivals per run
 * @param sweeps key to values; runs cover the cartesian product of all sweeps
 * @param focus the method compared against every other one (the learned one when present)
 * @param dpem the trained policy that method {@code dpem} evaluates; null when it is not run
 */
public record ExperimentPlan(String configYaml, String configName, List<String> methods,
    List<Long> seeds, double durationS, Map<String, List<String>> sweeps, String focus,
    TrainedPolicy dpem) {
  public ExperimentPlan {
    Objects.requireNonNull(configYaml, "configYaml");
    methods = List.copyOf(methods);
    seeds = List.copyOf(seeds);
    sweeps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sweeps));
    if (methods.isEmpty() || seeds.isEmpty()) {
      throw new IllegalArgumentException("an experiment needs at least one method and one seed");
    }
    if (focus != null && !methods.contains(focus)) {
      throw new IllegalArgumentException("focal method '" + focus + "' is not among the methods " + methods);
    }
    if (methods.contains(DpemPolicy.NAME) && dpem == null) {
      // Learning online on the evaluation seeds would be training on the test set.
      throw new IllegalArgumentException("method dpem needs a trained policy: --checkpoint DIR, the"
          + " output of dpem train on seeds disjoint from the evaluation seeds");
    }
    if (dpem != null && !dpem.overlap(seeds).isEmpty()) {
      throw new IllegalArgumentException("the policy in " + dpem.dir() + " was trained or validated on"
          + " evaluation seeds " + dpem.overlap(seeds) + "; evaluate it on other seeds (--first-seed)"
          + " or train it on others");
    }
  }

  /** A plan without the learned policy. */
  public ExperimentPlan(String configYaml, String configName, List<String> methods, List<Long> seeds,
      double durationS, Map<String, List<String>> sweeps, String focus) {
    this(configYaml, configName, methods, seeds, durationS, sweeps, focus, null);
  }

  /** Every sweep point (the cartesian product), in declaration order; one empty point without sweeps. */
  public List<Map<String, String>> points() {
    List<Map<String, String>> points = new ArrayList<>();
    points.add(Map.of());
    for (Map.Entry<String, List<String>> s : sweeps.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> p : points) {
        for (String v : s.getValue()) {
          Map<String, String> q = new LinkedHashMap<>(p);
          q.put(s.getKey(), v);
          next.add(q);
        }
      }
      points = next;
    }
    return points;
  }

  /** Every run, grouped by sweep point, then seed, then method. */
  public List<RunSpec> runs() {
    List<RunSpec> runs = new ArrayList<>();
    for (Map<String, String> p : points()) {
      for (long seed : seeds) {
        for (String m : methods) {
          runs.add(new RunSpec(m, seed, p, durationS));
        }
      }
    }
    return runs;
  }
}
