package org.dpem.driver.session;

/** The command's deadline passed before another attempt could be sent; not retried. */
public final class CommandExpiredException extends RuntimeException {
  public CommandExpiredException(String message) {
    super(message, null, false, false);
  }
}
