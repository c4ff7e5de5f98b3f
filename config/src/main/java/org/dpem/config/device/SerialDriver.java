package org.dpem.config.device;

import java.util.Objects;

/**
 * A device on a serial port speaking FWP/1.
 *
 * @param port device path, e.g. {@code /dev/ttyUSB0} or a socat pty link such as {@code /tmp/dpem-hil-a}
 * @param baud line speed (ignored by pseudo-terminals)
 */
public record SerialDriver(String port, int baud) implements DriverSpec {

  public static final int DEFAULT_BAUD = 115_200;

  public SerialDriver {
    Objects.requireNonNull(port);
  }

  @Override
  public DriverKind kind() {
    return DriverKind.SERIAL;
  }
}
