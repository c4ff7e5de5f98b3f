package org.dpem.driver.transport;

import java.io.IOException;

/**
 * The link to a device is not up, so nothing was sent. Callers must not queue the data for later:
 * a stale actuation sent after a reconnect is worse than a failed one.
 */
public class LinkDownException extends IOException {
  public LinkDownException(String message) {
    super(message);
  }

  public LinkDownException(String message, Throwable cause) {
    super(message, cause);
  }
}
