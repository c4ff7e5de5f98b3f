package org.dpem.driver.transport;

/**
 * The link is up but its send window stayed full for longer than the caller may wait
 * (Paho's "too many publishes in progress", code 32202). Retryable; nothing was sent.
 */
public class LinkBusyException extends LinkDownException {
  public LinkBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
