package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator commands on wire devices is what happens: {@code dpem run} on the
 * hardware-in-the-loop example (lab-a on serial ptys, lab-b on MQTT), driven over the admin socket.
 */
class HilOperatorSafeTest {
  private static final String TOKEN = "hil-safe-admin-token-0123456789";

  @TempDir Path home;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void estopWaitsForWireDevicesAndResumeKeepsWhatTheOperatorPutSafe() throws Exception {
    Socat.require("the operator SAFE test");
    Path dir = Files.createDirectories(home.resolve("lab"));
    String yaml = Files.readString(Path.of("..", "config", "examples", "hil.yaml"));
    Path config = dir.resolve("hil.yaml");
    Files.writeString(config, yaml.replace("/tmp/dpem-hil-", dir.resolve("hil-").toString()));

    try (DpemProcess dpem = DpemProcess.run(home, "hil-safe", TOKEN, "--config", config.toString());
        AdminLine a = dpem.admin().auth(TOKEN)) {
      awaitState(a, "lab-a-src", "READY");
      awaitState(a, "lab-b-src", "READY");

      // estop answers after the wire devices confirmed SAFE, and lists none of them as failures
      JsonNode estop = a.ask("estop");
      assertThat(estop.path("ok").asBoolean()).as(estop.toString()).isTrue();
      assertThat(estop.path("estop").path("failures")).as(estop.toString()).isEmpty();
      assertThat(a.ask("devices").path("devices").findValuesAsText("state")).containsOnly("SAFE");
      a.ask("resume");
      awaitState(a, "lab-a-src", "READY");
      awaitState(a, "lab-b-src", "READY");

      // one serial and one MQTT device put SAFE on purpose stay SAFE through estop and resume
      for (String id : new String[] {"lab-a-src", "lab-b-src"}) {
        JsonNode safe = a.ask("device " + id + " safe");
        assertThat(safe.path("device").path("state").asText()).as(safe.toString()).isEqualTo("SAFE");
      }
      a.ask("resume");
      assertThat(a.ask("estop").path("estop").path("failures")).isEmpty();
      a.ask("resume");
      awaitState(a, "lab-a-mem", "READY");
      awaitState(a, "lab-b-mem", "READY");
      Thread.sleep(1500); // more than a heartbeat: a clear would show by now
      assertThat(state(a, "lab-a-src")).isEqualTo("SAFE");
      assertThat(state(a, "lab-b-src")).isEqualTo("SAFE");

      // only the device's own clear-fault, or resume --all, lifts it
      JsonNode cleared = a.ask("device lab-a-src clear-fault");
      assertThat(cleared.path("device").path("state").asText()).as(cleared.toString()).isEqualTo("READY");
      assertThat(a.ask("resume --all").path("ok").asBoolean()).isTrue();
      awaitState(a, "lab-b-src", "READY");
    }
  }

  private static String state(AdminLine a, String device) throws Exception {
    return a.ask("device " + device).path("device").path("state").asText();
  }

  private static void awaitState(AdminLine a, String device, String want) throws Exception {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    String s;
    while (!(s = state(a, device)).equals(want)) {
      assertThat(Instant.now()).as("%s %s by %s (is %s)", device, want, until, s).isBefore(until);
      Thread.sleep(100);
    }
  }
}
