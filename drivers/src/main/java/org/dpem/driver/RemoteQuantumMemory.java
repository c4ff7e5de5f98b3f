package org.dpem.driver;

import org.dpem.driver.session.DevicePolicy;
import org.dpem.driver.session.DeviceSession;
import org.dpem.driver.session.HandshakeResult;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.Parameters;
import org.dpem.hal.QuantumMemory;
import org.dpem.hal.time.TimeBase;

/**
 * A quantum memory over FWP/1. Its figures come from TELEMETRY ({@code slot_count},
 * {@code free_slots}, {@code coherence_s}, {@code swap_capacity}); before the first telemetry the
 * limits stand in (slot count from the {@code slots} limit's max).
 */
public final class RemoteQuantumMemory extends RemoteDevice implements QuantumMemory {
  RemoteQuantumMemory(DeviceInfo info, TimeBase time, DeviceSession session, DevicePolicy policy,
      HandshakeResult handshake) {
    super(info, time, session, policy, handshake);
  }

  @Override
  public int slotCount() {
    Double v = readings.get("slot_count");
    if (v != null) {
      return v.intValue();
    }
    return limits().get(Parameters.SLOTS).map(l -> (int) l.max()).orElse(0);
  }

  @Override
  public int freeSlots() {
    Double v = readings.get("free_slots");
    return v != null ? v.intValue() : slotCount();
  }

  @Override
  public double coherenceTimeSeconds() {
    return readings.getOrDefault("coherence_s", 0.0);
  }

  @Override
  public double swapCapacityPerSecond() {
    Double v = readings.get("swap_capacity");
    if (v != null) {
      return v;
    }
    return limits().get(Parameters.SWAP_RATE).map(l -> l.max()).orElse(0.0);
  }
}
