package org.dpem.driver.session;

/** The device cannot be reached now (link down, not handshaken, LOST); not retried. */
public final class DeviceUnreachableException extends RuntimeException {
  public DeviceUnreachableException(String message) {
    super(message, null, false, false);
  }
}
