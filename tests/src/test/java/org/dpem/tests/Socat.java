package org.dpem.tests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.dpem.driver.transport.PtyPair;

/** The serial devices' pseudo-terminal pairs need socat: skip without it, or fail where CI requires it. */
final class Socat {
  private Socat() {}

  static void require(String what) {
    if (PtyPair.socatAvailable()) {
      return;
    }
    String why = "socat is not on the PATH: " + what + " needs it for the serial devices' "
        + "pseudo-terminal pairs";
    if ("1".equals(System.getenv("DPEM_REQUIRE_HIL"))) {
      fail(why + " (DPEM_REQUIRE_HIL=1)");
    }
    assumeTrue(false, why + "; skipped (set DPEM_REQUIRE_HIL=1 to fail instead)");
  }
}
