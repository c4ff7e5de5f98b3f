package org.dpem.hal;

/**
 * Lifecycle of a device as the host sees it.
 *
 * <pre>
 *   CONNECTING -> READY <-> DEGRADED
 *        ^          |  \-> FAULT -> (clear-fault) -> READY
 *        |          \----> SAFE  -> (resume)      -> READY
 *        \------ LOST (link or heartbeat gone; re-handshake returns to CONNECTING)
 * </pre>
 */
public enum DeviceState {
  /** Handshake under way; no commands yet. */
  CONNECTING,
  /** Working normally; accepts commands. */
  READY,
  /** Working with reduced quality (retries, slow replies, an open breaker half the time); accepts commands. */
  DEGRADED,
  /** A latched fault; only {@code safe} and {@code clear-fault} are accepted until cleared. */
  FAULT,
  /** Outputs off, memories released; reached by command, estop or the dead-man watchdog. */
  SAFE,
  /** No contact (link gone, heartbeats missed, MQTT Last Will); nothing can be commanded. */
  LOST;

  /** Whether allocation commands may be sent to a device in this state. */
  public boolean acceptsCommands() {
    return this == READY || this == DEGRADED;
  }

  /** Whether the controller may route allocations through a device in this state. */
  public boolean usable() {
    return acceptsCommands();
  }
}
