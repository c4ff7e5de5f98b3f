package org.dpem.hal.command;

import java.util.Map;
import org.dpem.hal.AllocationId;

/**
 * One immutable command to one device. Every command names the allocation it serves and a
 * deadline (time-base nanoseconds) after which the device must not act on it; the parameters it
 * sets are listed by {@link #settings()} so the {@link org.dpem.hal.safety.SafetyInterlock} can
 * check them without knowing each command type.
 */
public sealed interface DeviceCommand
    permits SourceCommand, MemoryCommand, AnalyzerCommand, SetParameter, GoSafe, ClearFault {

  /** The allocation this command serves, or {@link AllocationId#NONE}. */
  AllocationId allocation();

  /** Time-base nanoseconds after which the command must not be acted on. */
  long deadlineNanos();

  /** The parameter values this command would set, keyed by parameter name; empty if none. */
  default Map<String, Double> settings() {
    return Map.of();
  }

  /**
   * Whether this command only takes a device towards rest (disable, release, disarm, safe,
   * clear-fault). Such commands are never refused by limits or by a device's fault state:
   * stopping must always be possible.
   */
  default boolean towardsRest() {
    return false;
  }

  /** A short lower-case name for logs, journals and the wire, e.g. {@code enable-source}. */
  String name();
}
