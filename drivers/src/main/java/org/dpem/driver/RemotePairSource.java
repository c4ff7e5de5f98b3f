package org.dpem.driver;

import org.dpem.driver.session.DevicePolicy;
import org.dpem.driver.session.DeviceSession;
import org.dpem.driver.session.HandshakeResult;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.NodeId;
import org.dpem.hal.PairSource;
import org.dpem.hal.time.TimeBase;

/**
 * A pair source over FWP/1. Its reading comes from TELEMETRY ({@code enabled} 0/1, {@code rate}
 * pairs/s, {@code fidelity}); telemetry carries numbers only, so the peer is the one of the last
 * accepted enable.
 */
public final class RemotePairSource extends RemoteDevice implements PairSource {
  private volatile NodeId peer;

  RemotePairSource(DeviceInfo info, TimeBase time, DeviceSession session, DevicePolicy policy,
      HandshakeResult handshake) {
    super(info, time, session, policy, handshake);
  }

  void enabledTowards(NodeId p) {
    peer = p;
  }

  @Override
  public SourceReading reading() {
    boolean on = readings.getOrDefault("enabled", 0.0) > 0.5;
    return new SourceReading(on, on ? peer : null, readings.getOrDefault("rate", 0.0),
        readings.getOrDefault("fidelity", 0.0));
  }

  @Override
  protected java.util.concurrent.CompletionStage<org.dpem.hal.command.CommandResult> dispatch(
      org.dpem.hal.command.DeviceCommand command) {
    return super.dispatch(command).thenApply(r -> {
      if (r.isOk() && command instanceof org.dpem.hal.command.SourceCommand.Enable e) {
        enabledTowards(e.peer());
      }
      return r;
    });
  }
}
