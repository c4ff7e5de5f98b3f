package org.dpem.protocol.message;

/** The result of a command in COMMAND_ACK. Numeric codes are stable. */
public enum AckCode {
  /** Done. */
  OK(0),
  /** A value lies outside the device's limits; nothing was changed. */
  OUT_OF_LIMITS(1),
  /** The command's deadline had passed when the device got to it; nothing was done. */
  EXPIRED(2),
  /** The device cannot take it now (resource held, no free slot). */
  BUSY(3),
  /** Malformed or meaningless for this device (unknown allocation, wrong peer). */
  INVALID(4),
  /** The device does not support this opcode or parameter. */
  UNSUPPORTED(5),
  /** The device is read-only because the handshake found a schema mismatch. */
  READ_ONLY(6),
  /** A latched fault is active; only GO_SAFE, CLEAR_FAULT and queries are accepted. */
  FAULTED(7),
  /** The device is SAFE; only CLEAR_FAULT leaves it. */
  SAFE_STATE(8),
  /** Signature missing or not acceptable for this command. */
  UNAUTHORIZED(9),
  /** The same cmd_seq is still being executed; the final ack follows. */
  DUPLICATE_IN_PROGRESS(10),
  /** Stopped by CANCEL before it took effect. */
  CANCELLED(11),
  /** The device failed internally while executing; the detail says how. */
  INTERNAL_ERROR(12);

  private static final AckCode[] BY_CODE = new AckCode[13];

  static {
    for (AckCode c : values()) {
      BY_CODE[c.code] = c;
    }
  }

  private final int code;

  AckCode(int code) {
    this.code = code;
  }

  /** The stable wire code. */
  public int code() {
    return code;
  }

  /** The value with wire code {@code code}, or null if none. */
  public static AckCode fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
