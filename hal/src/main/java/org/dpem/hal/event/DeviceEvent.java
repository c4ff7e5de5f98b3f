package org.dpem.hal.event;

import java.util.Map;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;

/**
 * Something a device reports on its own. Times are time-base nanoseconds at which the event
 * happened at the device (for equipment: after TIME_SYNC correction).
 */
public sealed interface DeviceEvent {
  long timeNanos();

  DeviceId device();

  /**
   * A link pair was heralded and one half stored: the memory at this node now holds, for
   * {@code allocation}, half of a pair shared with {@code peer}.
   *
   * @param fidelityEstimate the pair's fidelity at herald time, as the device estimates it
   */
  record Herald(long timeNanos, DeviceId device, AllocationId allocation, NodeId peer,
      double fidelityEstimate) implements DeviceEvent {}

  /**
   * A swap at a repeater finished. On success the pairs to {@code left} and {@code right} became
   * one pair between them.
   */
  record SwapOutcome(long timeNanos, DeviceId device, AllocationId allocation, NodeId left,
      NodeId right, boolean success) implements DeviceEvent {}

  /**
   * An end-to-end pair between {@code a} and {@code b} is ready for the application, verified by
   * the analyzer at an end node. On equipment the fidelity is estimated from the error rates of
   * test pairs; in simulation it is the state's exact fidelity at delivery time.
   */
  record PairDelivered(long timeNanos, DeviceId device, AllocationId allocation, NodeId a, NodeId b,
      double fidelity) implements DeviceEvent {}

  /** A fault. Latched faults stay until cleared and are re-sent until acknowledged. */
  record Fault(long timeNanos, DeviceId device, String code, String message, boolean latched)
      implements DeviceEvent {}

  /** Periodic readings, e.g. {@code rate}, {@code free_slots}, {@code temperature_k}. */
  record Telemetry(long timeNanos, DeviceId device, Map<String, Double> values)
      implements DeviceEvent {
    public Telemetry {
      values = Map.copyOf(values);
    }
  }

  /** The device moved from one lifecycle state to another. */
  record StateChanged(long timeNanos, DeviceId device, DeviceState from, DeviceState to,
      String reason) implements DeviceEvent {}
}
