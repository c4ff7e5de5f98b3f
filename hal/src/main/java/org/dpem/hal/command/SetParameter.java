package org.dpem.hal.command;

import java.util.Map;
import java.util.Objects;
import org.dpem.hal.AllocationId;

/** Set one named parameter directly: the lab tool's {@code set PARAM VALUE}. */
public record SetParameter(AllocationId allocation, long deadlineNanos, String parameter, double value)
    implements DeviceCommand {
  public SetParameter {
    Objects.requireNonNull(allocation, "allocation");
    Objects.requireNonNull(parameter, "parameter");
  }

  @Override
  public Map<String, Double> settings() {
    return Map.of(parameter, value);
  }

  @Override
  public String name() {
    return "set";
  }
}
