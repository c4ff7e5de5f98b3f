package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
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

  @TempDir Path home;
  private DpemProcess dpem;

  @BeforeEach
  void startController() throws Exception {
    dpem = DpemProcess.run(home, "dpem-run", TOKEN, "--policy", "greedy");
  }

  @AfterEach
  void stopController() throws Exception {
    dpem.close();
  }

  @Test
  void readmeRequestExamplesAreAdmittedOnTheDefaultConfig() throws Exception {
    String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("request (n\\d+ n\\d+ [0-9.]+ \\d+ \\d+)").matcher(readme);
    java.util.List<String> examples = new java.util.ArrayList<>();
    while (m.find()) {
      examples.add("request " + m.group(1));
    }
    assertThat(examples).as("README's admin examples").hasSizeGreaterThanOrEqualTo(2);
    try (AdminLine c = dpem.admin()) {
      assertThat(c.ask("auth " + TOKEN).path("ok").asBoolean()).isTrue();
      for (String example : examples) {
        JsonNode r = c.ask(example);
        assertThat(r.path("ok").asBoolean()).as("%s -> %s", example, r).isTrue();
      }
    }
  }

  @Test
  void operatorScriptOverPlainTcp() throws Exception {
    try (AdminLine c = dpem.admin()) {
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

    try (AdminLine c = dpem.admin()) {
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
