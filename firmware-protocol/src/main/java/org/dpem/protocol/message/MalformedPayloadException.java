package org.dpem.protocol.message;

/**
 * A payload that does not follow its message's layout; the message names the field and the
 * payload offset. Carries no stack trace: it is an expected outcome on noisy links, not a bug.
 */
public final class MalformedPayloadException extends Exception {
  public MalformedPayloadException(String message) {
    super(message, null, false, false);
  }
}
