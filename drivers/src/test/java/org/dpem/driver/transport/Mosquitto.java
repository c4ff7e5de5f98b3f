package org.dpem.driver.transport;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Mosquitto broker on a free loopback port, for tests. */
public final class Mosquitto implements AutoCloseable {
  private final Process process;
  private final int port;

  private Mosquitto(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts mosquitto (call {@link Hil#requireBinary} first) and waits until it listens. */
  public static Mosquitto start(int port) throws IOException {
    Process p = new ProcessBuilder(List.of("mosquitto", "-p", Integer.toString(port)))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!Hil.await(Duration.ofSeconds(5), () -> Hil.listening(port))) {
      p.destroyForcibly();
      throw new IOException("mosquitto did not listen on port " + port + " within 5 s");
    }
    return new Mosquitto(p, port);
  }

  public int port() {
    return port;
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Kills it at once. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    kill();
  }
}
