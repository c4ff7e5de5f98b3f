package org.dpem.sim.firmware;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.dpem.driver.transport.PtyPair;

/** Hardware-in-the-loop helpers: skip without the binary, unless CI demands it. */
final class Hil {
  private Hil() {}

  /**
   * Keeps the broker's and Netty's debug chatter out of test output (this module's tests have no
   * logging config of their own for these packages).
   */
  static void quietLogs() {
    for (String name : List.of("io.moquette", "io.netty", "org.dpem.driver", "org.dpem.sim.firmware")) {
      ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(name))
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  static void requireBinary(String binary) {
    if (PtyPair.which(binary)) {
      return;
    }
    String msg = binary + " is not installed: this hardware-in-the-loop test needs it";
    if ("1".equals(System.getenv("DPEM_REQUIRE_HIL"))) {
      fail(msg + " (DPEM_REQUIRE_HIL=1 turns the skip into a failure)");
    }
    assumeTrue(false, msg + "; skipped (set DPEM_REQUIRE_HIL=1 to fail instead)");
  }

  static boolean await(Duration max, BooleanSupplier cond) {
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

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A real Mosquitto on a loopback port. */
  static final class Mosquitto implements AutoCloseable {
    private final Process process;
    final int port;

    private Mosquitto(Process process, int port) {
      this.process = process;
      this.port = port;
    }

    static Mosquitto start(int port) throws IOException {
      Process p = new ProcessBuilder(List.of("mosquitto", "-p", Integer.toString(port)))
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!await(Duration.ofSeconds(5), () -> listening(port))) {
        p.destroyForcibly();
        throw new IOException("mosquitto did not listen on port " + port + " within 5 s");
      }
      return new Mosquitto(p, port);
    }

    String url() {
      return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
