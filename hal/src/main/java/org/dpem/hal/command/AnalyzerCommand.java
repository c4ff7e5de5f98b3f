package org.dpem.hal.command;

import java.util.Map;
import java.util.Objects;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;

/** Commands for a Bell-state analyzer. */
public sealed interface AnalyzerCommand extends DeviceCommand {

  /**
   * Arm the analyzer for {@code allocation}: herald link pairs with {@code peer} (at a midpoint
   * analyzer) or verify end-to-end pairs with {@code peer}, using a coincidence window of
   * {@code windowSeconds}.
   */
  record Arm(AllocationId allocation, long deadlineNanos, NodeId peer, double windowSeconds)
      implements AnalyzerCommand {
    public Arm {
      Objects.requireNonNull(allocation, "allocation");
      Objects.requireNonNull(peer, "peer");
    }

    @Override
    public Map<String, Double> settings() {
      return Map.of(Parameters.WINDOW, windowSeconds);
    }

    @Override
    public String name() {
      return "arm-analyzer";
    }
  }

  /** Stop analyzing for {@code allocation}. */
  record Disarm(AllocationId allocation, long deadlineNanos) implements AnalyzerCommand {
    public Disarm {
      Objects.requireNonNull(allocation, "allocation");
    }

    @Override
    public boolean towardsRest() {
      return true;
    }

    @Override
    public String name() {
      return "disarm-analyzer";
    }
  }
}
