package org.dpem.controller.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A shell script's view: commands piped through socat, replies read back as lines. */
class SocatScriptTest {

  static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (new File(dir, tool).canExecute()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aScriptThroughSocat() throws Exception {
    boolean required = "1".equals(System.getenv("DPEM_REQUIRE_HIL"));
    assumeTrue(required || onPath("socat"), "socat is not installed");
    try (AdminServer server = AdminServer.start(AdminServerConfig.builder(AdminToken.of("sh")).port(0).build(),
        InMemoryAdminBackend.direct(3))) {
      Process p = new ProcessBuilder("socat", "-t", "5", "-", "TCP:127.0.0.1:" + server.port()).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(("devices\nauth sh\nrequest n0 n2 0.9 4 30\nrequests\nnodes bogus\n"
            + "x".repeat(5 * 1024) + "\nstatus\n").getBytes(StandardCharsets.UTF_8));
      }
      List<JsonNode> replies = new ArrayList<>();
      for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        replies.add(AdminJson.MAPPER.readTree(line));
      }
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(replies).hasSize(6);
      assertThat(replies.get(0).path("code").asText()).isEqualTo("unauthenticated");
      assertThat(replies.get(1).path("ok").asBoolean()).isTrue();
      String id = replies.get(2).path("id").asText();
      assertThat(replies.get(3).path("requests").findValuesAsText("id")).containsExactly(id);
      assertThat(replies.get(4).path("error").asText()).isEqualTo("nodes: expected 'nodes', got 1 argument");
      assertThat(replies.get(5).path("code").asText()).as("and nothing after it").isEqualTo("line_too_long");
    }
  }
}
