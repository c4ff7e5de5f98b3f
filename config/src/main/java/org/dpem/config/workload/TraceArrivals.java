package org.dpem.config.workload;

import java.nio.file.Path;
import java.util.Objects;

/** Requests replayed from a trace file (resolved against the config file's directory). */
public record TraceArrivals(Path file) implements ArrivalSpec {
  public TraceArrivals {
    Objects.requireNonNull(file);
  }

  @Override
  public WorkloadType type() {
    return WorkloadType.TRACE;
  }
}
