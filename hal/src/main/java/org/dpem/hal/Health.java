package org.dpem.hal;

/**
 * A device's health as the host last saw it.
 *
 * @param state the lifecycle state
 * @param breaker the state of the circuit breaker guarding calls to it ({@code CLOSED},
 *     {@code OPEN}, {@code HALF_OPEN}), or {@code NONE} for in-process devices
 * @param lastSeenNanos time-base time of the last message or heartbeat from the device
 * @param detail a human-readable reason for the state, empty when READY
 */
public record Health(DeviceState state, String breaker, long lastSeenNanos, String detail) {
  public Health {
    java.util.Objects.requireNonNull(state, "state");
    breaker = breaker == null ? "NONE" : breaker;
    detail = detail == null ? "" : detail;
  }

  public static Health of(DeviceState state, long lastSeenNanos) {
    return new Health(state, "NONE", lastSeenNanos, "");
  }
}
