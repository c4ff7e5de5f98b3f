package org.dpem.protocol;

/**
 * Why a frame or packet was dropped. The numeric codes are stable: they appear on the wire in
 * PROTOCOL_ERROR and in counters and logs.
 */
public enum RejectReason {
  /** The frame is not a canonical COBS encoding. */
  BAD_COBS(1),
  /** The frame grew past the configured maximum before its delimiter. */
  FRAME_TOO_LONG(2),
  /** Fewer bytes than a header plus a CRC. */
  TOO_SHORT(3),
  /** The header's version is not 1. */
  UNSUPPORTED_VERSION(4),
  /** An incompatible flag bit this implementation does not know is set. */
  UNKNOWN_INCOMPAT_FLAG(5),
  /** Fewer bytes than the header's payload_len (and the signature block) require. */
  TRUNCATED(6),
  /** More bytes than the header's payload_len requires, or payload_len above the maximum. */
  BAD_LENGTH(7),
  /** The message id is not defined. */
  UNKNOWN_MESSAGE(8),
  /** The CRC-32C (with the message's schema byte) does not match. */
  BAD_CRC(9),
  /** The payload does not follow the message's field layout (the detail names the field). */
  BAD_PAYLOAD(10),
  /** The signature's key id is not known to the receiver. */
  UNKNOWN_KEY(11),
  /** The HMAC does not match. */
  BAD_SIGNATURE(12),
  /** The signature counter did not increase for this key id and sender. */
  REPLAY(13),
  /** The receiver requires signed packets and this one is not signed. */
  UNSIGNED(14);

  private static final RejectReason[] BY_CODE = new RejectReason[16];

  static {
    for (RejectReason r : values()) {
      BY_CODE[r.code] = r;
    }
  }

  private final int code;

  RejectReason(int code) {
    this.code = code;
  }

  /** The stable wire code. */
  public int code() {
    return code;
  }

  /** The reason with wire code {@code code}, or null if none. */
  public static RejectReason fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
