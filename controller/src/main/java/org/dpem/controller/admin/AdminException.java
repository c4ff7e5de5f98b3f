package org.dpem.controller.admin;

import java.util.Locale;

/**
 * A failure the operator caused or can act on; its message becomes the error reply after the
 * command's name, so it should read on its own ("unknown node 'n7'").
 */
public final class AdminException extends RuntimeException {

  /** What went wrong, also sent to scripts as the reply's {@code code}. */
  public enum Code {
    BAD_ARGUMENT,
    UNKNOWN_ID,
    REJECTED,
    UNAVAILABLE;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Code code;

  public AdminException(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public Code code() {
    return code;
  }

  /** {@code unknown <what> '<id>'}. */
  public static AdminException unknown(String what, String id) {
    return new AdminException(Code.UNKNOWN_ID, "unknown " + what + " '" + id + "'");
  }

  public static AdminException badArgument(String message) {
    return new AdminException(Code.BAD_ARGUMENT, message);
  }

  public static AdminException rejected(String message) {
    return new AdminException(Code.REJECTED, message);
  }
}
