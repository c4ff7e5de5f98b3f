package org.dpem.driver;

import org.dpem.driver.session.DevicePolicy;
import org.dpem.driver.session.DeviceSession;
import org.dpem.driver.session.HandshakeResult;
import org.dpem.hal.BellStateAnalyzer;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.time.TimeBase;

/** A Bell-state analyzer over FWP/1; {@code efficiency} comes from TELEMETRY (default 1/2). */
public final class RemoteBellStateAnalyzer extends RemoteDevice implements BellStateAnalyzer {
  RemoteBellStateAnalyzer(DeviceInfo info, TimeBase time, DeviceSession session,
      DevicePolicy policy, HandshakeResult handshake) {
    super(info, time, session, policy, handshake);
  }

  @Override
  public double efficiency() {
    return readings.getOrDefault("efficiency", 0.5);
  }
}
