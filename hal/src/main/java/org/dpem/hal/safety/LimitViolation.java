package org.dpem.hal.safety;

/**
 * Why the interlock refused a command.
 *
 * @param parameter the parameter whose limit was hit
 * @param value the value that was asked for
 * @param message a full sentence naming the limit, e.g. {@code rate=12 exceeds max 10 pairs/s}
 */
public record LimitViolation(String parameter, double value, String message) {}
