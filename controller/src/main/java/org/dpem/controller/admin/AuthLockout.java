package org.dpem.controller.admin;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Failed {@code auth} attempts on one connection. After the n-th failure in a row the connection
 * is locked out for {@code base * 2^(n-1)}, capped at {@code max}; during a lockout its attempts
 * are refused without looking at the token, so guessing slows down exponentially.
 *
 * <p>Per connection, not per peer address: on loopback every local process shares one address,
 * and counting failures per address let any of them lock the operator out of {@code estop}.
 * Guessing across many connections is bounded instead by the limit on unauthenticated connections
 * and their deadline ({@link PreAuthGuard}).
 */
final class AuthLockout {
  private final long baseNanos;
  private final long maxNanos;
  private final LongSupplier ticker;
  private int failures;
  private long blockedUntil;

  /**
   * @param ticker monotonic nanoseconds; wall time on purpose, because lockouts protect a network
   *     port whatever the controller's (possibly virtual) time does
   */
  AuthLockout(Duration base, Duration max, LongSupplier ticker) {
    this.baseNanos = base.toNanos();
    this.maxNanos = Math.max(max.toNanos(), baseNanos);
    this.ticker = ticker;
  }

  /** Nanoseconds until this connection may try again; 0 if it may now. */
  long remainingNanos() {
    return failures == 0 ? 0 : Math.max(0, blockedUntil - ticker.getAsLong());
  }

  /** Counts a failure and returns the lockout it starts, in nanoseconds. */
  long recordFailure() {
    failures = Math.min(failures + 1, 62);
    long d = delayFor(failures);
    blockedUntil = ticker.getAsLong() + d;
    return d;
  }

  void recordSuccess() {
    failures = 0;
  }

  private long delayFor(int n) {
    int shift = Math.min(n - 1, 40);
    long d = baseNanos << shift;
    return d <= 0 || d > maxNanos ? maxNanos : d;
  }
}
