package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code dpem run} as a separate JVM on this test's class path, as an operator would start it:
 * stdout and stderr go to files in {@code home}, the admin socket is on a free loopback port, and
 * the test reaches it over plain TCP.
 */
final class DpemProcess implements AutoCloseable {
  private final Process process;
  private final int adminPort;
  private final Path log;
  private final Path stdout;

  private DpemProcess(Process process, int adminPort, Path log, Path stdout) {
    this.process = process;
    this.adminPort = adminPort;
    this.log = log;
    this.stdout = stdout;
  }

  /**
   * Starts {@code dpem run ARGS --admin-port P --broker-port 0} and waits (up to 60 s) until its
   * control loop answers on the admin socket.
   *
   * @param name names the log files ({@code NAME.out}, {@code NAME.log}) in {@code home}
   */
  static DpemProcess run(Path home, String name, String token, String... args) throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Duser.home=" + home,
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
        "org.dpem.controller.cli.DpemCommand", "run"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--admin-port", Integer.toString(port), "--broker-port", "0"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("DPEM_ADMIN_TOKEN", token);
    Path log = home.resolve(name + ".log");
    Path stdout = home.resolve(name + ".out");
    pb.redirectError(log.toFile());
    pb.redirectOutput(stdout.toFile());
    DpemProcess p = new DpemProcess(pb.start(), port, log, stdout);
    try {
      p.awaitRunning(token, Instant.now().plus(Duration.ofSeconds(60)));
    } catch (Exception | AssertionError e) {
      p.process.destroyForcibly(); // a run that never came up must not outlive the test
      throw e;
    }
    return p;
  }

  /**
   * Waits for the admin socket, then for the control loop behind it: the socket opens before the
   * equipment is up, and answers "still starting" until then.
   */
  private void awaitRunning(String token, Instant until) throws Exception {
    while (true) {
      try (Socket s = new Socket("127.0.0.1", adminPort)) {
        break;
      } catch (IOException notYet) {
        pause(until, "admin socket up");
      }
    }
    try (AdminLine admin = admin().auth(token)) {
      while (!admin.ask("status").path("ok").asBoolean()) {
        pause(until, "control loop running");
      }
    }
  }

  private void pause(Instant until, String what) throws InterruptedException {
    assertThat(process.isAlive()).as("dpem run exited early; see %s", log).isTrue();
    assertThat(Instant.now()).as("%s by %s; see %s", what, until, log).isBefore(until);
    Thread.sleep(100);
  }

  /** A new admin connection. */
  AdminLine admin() throws IOException {
    return new AdminLine(adminPort);
  }

  /** SIGKILL, as a crash or an OOM killer would end it: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("dpem run killed").isTrue();
  }

  /** SIGTERM (the shutdown hook reports and closes the equipment); returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("dpem run did not stop within 60 s of SIGTERM; see " + log);
    }
    return process.exitValue();
  }

  String stdout() throws IOException {
    return Files.readString(stdout);
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }
}
