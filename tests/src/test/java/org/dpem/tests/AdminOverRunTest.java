package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin socket's "done when": a real {@code dpem run} (a second JVM on the paper's default
 * config) and a script over a plain TCP client.
 */
class AdminOverRunTest {
  private static final String TOKEN = "e2e-admin-token-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  private Process dpem;
  private int port;

  @BeforeEach
  void startController() throws Exception {
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Duser.home=" + home, "-cp",
        System.getProperty("java.class.path"), "org.dpem.controller.cli.DpemCommand",
        "run", "--admin-port", Integer.toString(port), "--broker-port", "0", "--policy", "greedy");
    pb.environment().put("DPEM_ADMIN_TOKEN", TOKEN);
    pb.redirectErrorStream(true);
    pb.redirectOutput(home.resolve("dpem-run.log").toFile());
    dpem = pb.start();
    Instant until = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        assertThat(dpem.isAlive()).as("dpem run exited early; see %s", home.resolve("dpem-run.log"))
            .isTrue();
        assertThat(Instant.now()).as("admin socket up within 30 s").isBefore(until);
        Thread.sleep(100);
      }
    }
  }

  @AfterEach
  void stopController() throws Exception {
    dpem.destroy();
    if (!dpem.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
      dpem.destroyForcibly();
    }
  }

  /** One connection: write a line, read the one-line JSON reply. */
  private static final class Client implements AutoCloseable {
    final Socket socket;
    final BufferedReader in;
    final OutputStream out;

    Client(int port) throws IOException {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(15_000);
      in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      out = socket.getOutputStream();
    }

    JsonNode ask(String line) throws IOException {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      String reply = in.readLine();
      assertThat(reply).as("reply to '%s'", line).isNotNull();
      return JSON.readTree(reply);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  @Test
  void operatorScriptOverPlainTcp() throws Exception {
    try (Client c = new Client(port)) {
      JsonNode refused = c.ask("status");
      assertThat(refused.path("ok").asBoolean()).isFalse();
      assertThat(refused.path("error").asText()).contains("auth");

      assertThat(c.ask("auth " + TOKEN).path("ok").asBoolean()).isTrue();
      assertThat(c.ask("status").path("status").path("loop").asText()).isEqualTo("running");

      JsonNode created = c.ask("request n0 n5 0.7 2 30");
      assertThat(created.path("ok").asBoolean()).as(created.toString()).isTrue();
      String id = created.path("id").asText();
      assertThat(id).isNotEmpty();
      JsonNode listed = c.ask("request " + id);
      assertThat(listed.path("request").path("id").asText()).isEqualTo(id);
      JsonNode all = c.ask("requests");
      assertThat(all.path("requests").findValuesAsText("id")).isNotEmpty();

      JsonNode bad = c.ask("request n0 n5 not-a-number 2 30");
      assertThat(bad.path("ok").asBoolean()).isFalse();
      assertThat(bad.path("error").asText()).startsWith("request:");
      assertThat(c.ask("nodes").path("nodes")).hasSize(100);

      JsonNode overlong = c.ask("x".repeat(5 * 1024));
      assertThat(overlong.path("ok").asBoolean()).isFalse();
      assertThat(c.in.readLine()).as("connection closed after an overlong line").isNull();
    }

    try (Client c = new Client(port)) {
      assertThat(c.ask("auth " + TOKEN).path("ok").asBoolean()).isTrue();
      JsonNode estop = c.ask("estop");
      assertThat(estop.path("ok").asBoolean()).as(estop.toString()).isTrue();
      JsonNode devices = c.ask("devices").path("devices");
      assertThat(devices).hasSize(300);
      assertThat(devices.findValuesAsText("state")).containsOnly("SAFE");
      assertThat(c.ask("status").path("status").path("loop").asText()).isEqualTo("estopped");
    }
  }
}
