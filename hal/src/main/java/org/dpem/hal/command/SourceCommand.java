package org.dpem.hal.command;

import java.util.Map;
import java.util.Objects;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.Parameters;

/** Commands for an entangled photon-pair source. */
public sealed interface SourceCommand extends DeviceCommand {

  /**
   * Point the source at the link to {@code peer} and emit at {@code ratePairsPerSecond}.
   *
   * @param allocation the allocation served
   * @param deadlineNanos latest time to act
   * @param peer the node at the far end of the link the photons travel to
   * @param ratePairsPerSecond emission rate, checked against the {@link Parameters#RATE} limit
   */
  record Enable(AllocationId allocation, long deadlineNanos, NodeId peer, double ratePairsPerSecond)
      implements SourceCommand {
    public Enable {
      Objects.requireNonNull(allocation, "allocation");
      Objects.requireNonNull(peer, "peer");
    }

    @Override
    public Map<String, Double> settings() {
      return Map.of(Parameters.RATE, ratePairsPerSecond);
    }

    @Override
    public String name() {
      return "enable-source";
    }
  }

  /** Stop emitting for {@code allocation} (or entirely, with {@link AllocationId#NONE}). */
  record Disable(AllocationId allocation, long deadlineNanos) implements SourceCommand {
    public Disable {
      Objects.requireNonNull(allocation, "allocation");
    }

    @Override
    public boolean towardsRest() {
      return true;
    }

    @Override
    public String name() {
      return "disable-source";
    }
  }
}
