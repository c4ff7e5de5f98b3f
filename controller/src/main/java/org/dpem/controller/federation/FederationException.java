package org.dpem.controller.federation;

/** A federation message could not be sent, or a transport could not start. */
public final class FederationException extends Exception {
  public FederationException(String message, Throwable cause) {
    super(message, cause);
  }

  public FederationException(String message) {
    super(message);
  }
}
