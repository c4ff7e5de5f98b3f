package org.dpem.driver.session;

import org.dpem.hal.DeviceState;
import org.dpem.protocol.message.Message;

/** What a {@link DeviceSession} reports, on the session's own thread, in order. */
public interface SessionListener {
  /** A handshake finished (the first one, or again after the link returned). */
  default void onHandshake(HandshakeResult result) {}

  /** The device's state as the host sees it changed. */
  default void onState(DeviceState state, String reason) {}

  /**
   * Something the device reported on its own: TELEMETRY, HERALD, SWAP_OUTCOME, PAIR_DELIVERED or
   * FAULT, with its time converted to host time-base nanoseconds.
   */
  default void onDeviceMessage(Message message, long hostTimeNanos) {}
}
