package org.dpem.driver.transport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Hardware-in-the-loop test helpers: skip without the binary, unless CI demands it. */
public final class Hil {
  private Hil() {}

  /** Skips the test when {@code binary} is missing, or fails it when DPEM_REQUIRE_HIL=1. */
  public static void requireBinary(String binary) {
    if (PtyPair.which(binary)) {
      return;
    }
    String msg = binary + " is not installed: this hardware-in-the-loop test needs it";
    if ("1".equals(System.getenv("DPEM_REQUIRE_HIL"))) {
      fail(msg + " (DPEM_REQUIRE_HIL=1 turns the skip into a failure)");
    }
    assumeTrue(false, msg + "; skipped (set DPEM_REQUIRE_HIL=1 to fail instead)");
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Polls {@code cond} until true or the deadline passes; returns the last answer. */
  public static boolean await(Duration max, BooleanSupplier cond) {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      if (cond.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return cond.getAsBoolean();
  }

  /** Whether something accepts TCP connections on loopback {@code port}. */
  public static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
