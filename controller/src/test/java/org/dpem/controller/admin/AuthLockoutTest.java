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
    assertThat(lockout.recordFailure()).isEqualTo(100 * MS);
    assertThat(lockout.recordFailure()).isEqualTo(200 * MS);
    assertThat(lockout.recordFailure()).isEqualTo(400 * MS);
    assertThat(lockout.recordFailure()).isEqualTo(800 * MS);
    assertThat(lockout.recordFailure()).isEqualTo(1000 * MS);
    for (int i = 0; i < 100; i++) {
      assertThat(lockout.recordFailure()).isEqualTo(1000 * MS);
    }
  }

  @Test
  void theLockoutRunsOutAndSuccessForgets() {
    assertThat(lockout.remainingNanos()).isZero();
    lockout.recordFailure();
    lockout.recordFailure();
    assertThat(lockout.remainingNanos()).isEqualTo(200 * MS);
    now.addAndGet(150 * MS);
    assertThat(lockout.remainingNanos()).isEqualTo(50 * MS);
    now.addAndGet(50 * MS);
    assertThat(lockout.remainingNanos()).isZero();
    lockout.recordSuccess();
    assertThat(lockout.recordFailure()).isEqualTo(100 * MS);
  }
}
