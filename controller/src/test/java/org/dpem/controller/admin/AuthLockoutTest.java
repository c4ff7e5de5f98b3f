package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AuthLockoutTest {
  static final long MS = 1_000_000L;
  final AtomicLong now = new AtomicLong();
  final AuthLockout lockout = new AuthLockout(Duration.ofMillis(100), Duration.ofMillis(1000), now::get);

  @Test
  void theDelayDoublesWithEachFailureUpToTheCap() {
    assertThat(lockout.recordFailure("h")).isEqualTo(100 * MS);
    assertThat(lockout.recordFailure("h")).isEqualTo(200 * MS);
    assertThat(lockout.recordFailure("h")).isEqualTo(400 * MS);
    assertThat(lockout.recordFailure("h")).isEqualTo(800 * MS);
    assertThat(lockout.recordFailure("h")).isEqualTo(1000 * MS);
    for (int i = 0; i < 100; i++) {
      assertThat(lockout.recordFailure("h")).isEqualTo(1000 * MS);
    }
  }

  @Test
  void hostsAreCountedApartAndSuccessForgets() {
    lockout.recordFailure("a");
    lockout.recordFailure("a");
    assertThat(lockout.remainingNanos("a")).isEqualTo(200 * MS);
    assertThat(lockout.remainingNanos("b")).isZero();
    now.addAndGet(150 * MS);
    assertThat(lockout.remainingNanos("a")).isEqualTo(50 * MS);
    now.addAndGet(50 * MS);
    assertThat(lockout.remainingNanos("a")).isZero();
    lockout.recordSuccess("a");
    assertThat(lockout.recordFailure("a")).isEqualTo(100 * MS);
  }
}
