package org.dpem.config.device;

import java.util.Optional;

/**
 * Asks the controller to start virtual firmware for this device itself, so a hardware-in-the-loop
 * run needs no second process. For a serial device the controller creates a socat pty pair whose
 * one end is the device's {@code port} and serves a simulated device on the other end
 * ({@code peer}); for an MQTT device it serves a simulated device on the broker.
 *
 * @param peer serial only: the firmware's end of the pty pair (default: the port plus {@code .fw})
 * @param seed seed of the simulated device behind the firmware
 */
public record ServeSpec(Optional<String> peer, long seed) {
  public ServeSpec {
    peer = peer == null ? Optional.empty() : peer;
  }
}
