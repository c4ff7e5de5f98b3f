package org.dpem.tests;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.dpem.driver.transport.PtyPair;

/**
 * A Mosquitto broker started by the test on a free loopback port, without persistence: stopping
 * and starting it again is a broker restart that loses every retained message and session.
 */
final class Mosquitto implements AutoCloseable {
  private final Path conf;
  private final Path log;
  private final int port;
  private Process process;

  private Mosquitto(Path conf, Path log, int port) {
    this.conf = conf;
    this.log = log;
    this.port = port;
  }

  /** Skips the test without mosquitto, or fails it where CI requires it (DPEM_REQUIRE_HIL=1). */
  static void require(String what) {
    if (PtyPair.which("mosquitto")) {
      return;
    }
    String why = "mosquitto is not installed: " + what + " needs a real broker";
    if ("1".equals(System.getenv("DPEM_REQUIRE_HIL"))) {
      fail(why + " (DPEM_REQUIRE_HIL=1)");
    }
    assumeTrue(false, why + "; skipped (set DPEM_REQUIRE_HIL=1 to fail instead)");
  }

  static Mosquitto start(Path dir) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path conf = dir.resolve("mosquitto.conf");
    Files.writeString(conf, "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
    Mosquitto m = new Mosquitto(conf, dir.resolve("mosquitto.log"), port);
    m.startProcess();
    return m;
  }

  void startProcess() throws Exception {
    ProcessBuilder pb = new ProcessBuilder("mosquitto", "-c", conf.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (!process.isAlive() || System.nanoTime() > end) {
          process.destroyForcibly();
          throw new AssertionError("mosquitto did not come up on port " + port + "; see " + log);
        }
        Thread.sleep(50);
      }
    }
  }

  /** Stops the broker (SIGTERM), waiting for it to exit. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
