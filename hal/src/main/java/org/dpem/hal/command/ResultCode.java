package org.dpem.hal.command;

/** How a command ended. Mirrors the firmware protocol's COMMAND_ACK codes, plus host-side ones. */
public enum ResultCode {
  /** Done. */
  OK,
  /** A value lies outside the device's limits (refused by the host interlock or the device). */
  OUT_OF_LIMITS,
  /** The deadline passed before the device could act; nothing was done. */
  EXPIRED,
  /** The device cannot take it now (no free slot, another allocation holds the resource). */
  BUSY,
  /** Malformed or meaningless for this device (unknown allocation, wrong peer). */
  INVALID,
  /** This device does not support the command or parameter. */
  UNSUPPORTED,
  /** The device is read-only (schema mismatch at handshake). */
  READ_ONLY,
  /** The device holds a latched fault; clear it first. */
  FAULTED,
  /** The device is in its safe state; resume first. */
  SAFE_STATE,
  /** No reply within the command timeout (after retries). */
  TIMEOUT,
  /** No contact with the device (link down, breaker open, device LOST). */
  UNREACHABLE,
  /** Signature or authorization missing or wrong. */
  UNAUTHORIZED;

  public boolean ok() {
    return this == OK;
  }
}
