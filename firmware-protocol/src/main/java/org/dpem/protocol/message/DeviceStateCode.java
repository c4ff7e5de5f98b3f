package org.dpem.protocol.message;

/**
 * The lifecycle state a HEARTBEAT reports; the same names as the host's device states. Numeric
 * codes are stable. A device reports CONNECTING until the handshake, never LOST (the host infers
 * that); the host's own heartbeat reports READY, or SAFE to tell devices to hold safe.
 */
public enum DeviceStateCode {
  /** Handshake not finished. */
  CONNECTING(0),
  /** Working normally. */
  READY(1),
  /** Working with reduced quality. */
  DEGRADED(2),
  /** A latched fault is active. */
  FAULT(3),
  /** Outputs off, memories released. */
  SAFE(4),
  /** No contact (host side only). */
  LOST(5);

  private final int code;

  DeviceStateCode(int code) {
    this.code = code;
  }

  /** The stable wire code. */
  public int code() {
    return code;
  }

  /** The value with wire code {@code code}, or null if none. */
  public static DeviceStateCode fromCode(int code) {
    DeviceStateCode[] all = values();
    return code >= 0 && code < all.length ? all[code] : null;
  }
}
