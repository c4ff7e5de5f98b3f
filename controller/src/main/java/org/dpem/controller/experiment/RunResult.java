package org.dpem.controller.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run gave: the run report's fields, or the error that stopped it. A failed run is kept,
 * so a table shows every run asked for.
 *
 * @param spec what was run
 * @param fields the run report's JSON fields (empty if it failed)
 * @param error why it failed, or null
 */
public record RunResult(RunSpec spec, Map<String, Object> fields, String error) {
  public RunResult {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  public boolean ok() {
    return error == null;
  }

  /** A numeric field, or NaN where it is missing, null or not a number. */
  public double metric(String name) {
    Object v = fields.get(name);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
