package org.dpem.sim.firmware;

import java.util.ArrayList;
import java.util.List;
import org.dpem.hal.BellStateAnalyzer;
import org.dpem.hal.Device;
import org.dpem.hal.PairSource;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.protocol.message.Message;

/**
 * What firmware reports about the device it serves. The telemetry names are the contract with
 * the host drivers: sources {@code enabled}, {@code rate}, {@code fidelity}; memories
 * {@code slot_count}, {@code free_slots}, {@code coherence_s}, {@code swap_capacity}; analyzers
 * {@code efficiency}.
 */
final class DeviceReports {
  private DeviceReports() {}

  /** The device's present readings. */
  static Message.Telemetry telemetry(Device device, long timeMicros) {
    List<Message.Reading> r = new ArrayList<>();
    if (device instanceof PairSource s) {
      PairSource.SourceReading sr = s.reading();
      r.add(new Message.Reading("enabled", sr.enabled() ? 1 : 0));
      r.add(new Message.Reading("rate", sr.ratePairsPerSecond()));
      r.add(new Message.Reading("fidelity", sr.fidelityEstimate()));
    }
    if (device instanceof QuantumMemory q) {
      r.add(new Message.Reading("slot_count", q.slotCount()));
      r.add(new Message.Reading("free_slots", q.freeSlots()));
      r.add(new Message.Reading("coherence_s", q.coherenceTimeSeconds()));
      r.add(new Message.Reading("swap_capacity", q.swapCapacityPerSecond()));
    }
    if (device instanceof BellStateAnalyzer b) {
      r.add(new Message.Reading("efficiency", b.efficiency()));
    }
    return new Message.Telemetry(timeMicros, r);
  }

  /** The message for a device event, or null for events firmware handles otherwise (faults). */
  static Message event(DeviceEvent e, long timeMicros) {
    if (e instanceof DeviceEvent.Herald h) {
      return new Message.Herald(timeMicros, h.allocation().value(), h.peer().value(), h.fidelityEstimate());
    } else if (e instanceof DeviceEvent.SwapOutcome s) {
      return new Message.SwapOutcome(timeMicros, s.allocation().value(), s.left().value(),
          s.right().value(), s.success());
    } else if (e instanceof DeviceEvent.PairDelivered d) {
      return new Message.PairDelivered(timeMicros, d.allocation().value(), d.a().value(),
          d.b().value(), d.fidelity());
    }
    return null;
  }
}
