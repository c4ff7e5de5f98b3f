package org.dpem.driver.session;

/** No COMMAND_ACK arrived within the ACK timeout for one attempt; retryable with the same cmd_seq. */
public final class AckTimeoutException extends RuntimeException {
  public AckTimeoutException(String message) {
    super(message, null, false, false);
  }
}
