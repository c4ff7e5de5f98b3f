package org.dpem.controller.loop;

/**
 * @param epochNanos control epoch length
 * @param kPaths candidate paths per request
 * @param maxAttempts allocations a request may get (a device failure ends one) before it FAILs
 * @param commandTimeoutNanos how long devices get to acknowledge an allocation's commands
 */
public record LoopSettings(long epochNanos, int kPaths, int maxAttempts, long commandTimeoutNanos) {
  public LoopSettings {
    if (epochNanos <= 0) {
      throw new IllegalArgumentException("epoch length must be > 0, got " + epochNanos + " ns");
    }
    if (kPaths < 1 || maxAttempts < 1 || commandTimeoutNanos <= 0) {
      throw new IllegalArgumentException("k paths, max attempts and command timeout must be positive");
    }
  }

  public static LoopSettings of(long epochMillis, int kPaths) {
    return new LoopSettings(epochMillis * 1_000_000L, kPaths, 3, Math.max(epochMillis, 1000) * 1_000_000L);
  }
}
