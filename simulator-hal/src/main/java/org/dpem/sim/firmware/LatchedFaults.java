package org.dpem.sim.firmware;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpem.protocol.message.Message;

/**
 * Latched faults (PROTOCOL.md 10.5): active until CLEAR_FAULT, re-sent until FAULT_ACK. Used from
 * the firmware's own thread only.
 */
final class LatchedFaults {
  private final Map<Long, Message.Fault> active = new LinkedHashMap<>();
  private final Set<Long> unacked = new HashSet<>();
  private long nextId = 1;

  long nextId() {
    return nextId++;
  }

  void latch(Message.Fault f) {
    active.put(f.faultId(), f);
    unacked.add(f.faultId());
  }

  void acked(long faultId) {
    unacked.remove(faultId);
  }

  /** Active faults not yet acknowledged, to send again. */
  List<Message.Fault> toResend() {
    List<Message.Fault> out = new ArrayList<>();
    for (Long id : unacked) {
      out.add(active.get(id));
    }
    return out;
  }

  boolean anyUnacked() {
    return !unacked.isEmpty();
  }

  void clear() {
    active.clear();
    unacked.clear();
  }

  /** Codes of the active faults, for refusal details. */
  String summary() {
    return active.values().stream().map(Message.Fault::code).toList().toString();
  }
}
