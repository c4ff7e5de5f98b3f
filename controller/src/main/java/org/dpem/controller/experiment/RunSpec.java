package org.dpem.controller.experiment;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One run of an experiment: a method on one seed, at one point of the sweep. The seed fixes the
 * topology, the capacities and the request trace, so every method of a block sees the same inputs.
 *
 * @param method policy name
 * @param seed evaluation seed
 * @param sweep the sweep point, key to value (empty without a sweep), sorted by key
 * @param durationS simulated seconds of arrivals
 */
public record RunSpec(String method, long seed, Map<String, String> sweep, double durationS) {
  public RunSpec {
    Objects.requireNonNull(method, "method");
    sweep = java.util.Collections.unmodifiableMap(new TreeMap<>(sweep));
    if (!(durationS > 0)) {
      throw new IllegalArgumentException("run duration must be positive, got " + durationS);
    }
  }

  /** The block this run belongs to: same seed, same sweep point, any method. */
  public String block() {
    StringBuilder b = new StringBuilder("s").append(seed);
    sweep.forEach((k, v) -> b.append('-').append(k).append('=').append(v));
    return b.toString();
  }

  /** A file-name-safe id, unique within an experiment. */
  public String id() {
    return (method + "-" + block()).replaceAll("[^A-Za-z0-9_.=-]", "_");
  }
}
