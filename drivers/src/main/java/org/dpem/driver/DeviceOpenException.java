package org.dpem.driver;

/** A device could not be opened: no answer, wrong identity, or a link that will not come up. */
public class DeviceOpenException extends Exception {
  public DeviceOpenException(String message) {
    super(message);
  }

  public DeviceOpenException(String message, Throwable cause) {
    super(message, cause);
  }
}
