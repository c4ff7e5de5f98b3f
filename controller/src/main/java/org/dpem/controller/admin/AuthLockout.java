package org.dpem.controller.admin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Failed {@code auth} attempts per peer host. After the n-th failure in a row the host is locked
 * out for {@code base * 2^(n-1)}, capped at {@code max}; during a lockout its attempts are refused
 * without looking at the token, so guessing slows down exponentially. Shared by all connections.
 */
final class AuthLockout {
  /** Hosts remembered at most; past this, expired entries are dropped. */
  private static final int MAX_HOSTS = 10_000;

  private record Entry(int failures, long blockedUntil) {}

  private final long baseNanos;
  private final long maxNanos;
  private final LongSupplier ticker;
  private final Map<String, Entry> hosts = new ConcurrentHashMap<>();

  /**
   * @param ticker monotonic nanoseconds; wall time on purpose, because lockouts protect a network
   *     port whatever the controller's (possibly virtual) time does
   */
  AuthLockout(Duration base, Duration max, LongSupplier ticker) {
    this.baseNanos = base.toNanos();
    this.maxNanos = Math.max(max.toNanos(), baseNanos);
    this.ticker = ticker;
  }

  /** Nanoseconds until {@code host} may try again; 0 if it may now. */
  long remainingNanos(String host) {
    Entry e = hosts.get(host);
    return e == null ? 0 : Math.max(0, e.blockedUntil - ticker.getAsLong());
  }

  /** Counts a failure and returns the lockout it starts, in nanoseconds. */
  long recordFailure(String host) {
    long now = ticker.getAsLong();
    if (hosts.size() >= MAX_HOSTS) {
      hosts.values().removeIf(e -> e.blockedUntil < now);
    }
    Entry e = hosts.compute(host, (h, old) -> {
      int n = old == null ? 1 : Math.min(old.failures + 1, 62);
      return new Entry(n, now + delayFor(n));
    });
    return e.blockedUntil - now;
  }

  void recordSuccess(String host) {
    hosts.remove(host);
  }

  private long delayFor(int failures) {
    int shift = Math.min(failures - 1, 40);
    long d = baseNanos << shift;
    return d <= 0 || d > maxNanos ? maxNanos : d;
  }
}
