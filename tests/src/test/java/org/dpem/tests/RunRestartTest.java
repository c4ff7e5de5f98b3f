package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's "done when" for the journal, through the command an operator runs: {@code dpem run}
 * on the hardware-in-the-loop example is killed with SIGKILL while requests it acknowledged are
 * live, its journal is given a torn last record, and started again on the same config it knows
 * every one of them.
 */
class RunRestartTest {
  private static final String TOKEN = "restart-admin-token-0123456789";

  @TempDir Path home;

  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void aKilledRunResumesEveryAcknowledgedRequestFromTheConfigsJournal() throws Exception {
    Socat.require("the restart test");
    Path dir = Files.createDirectories(home.resolve("lab"));
    String yaml = Files.readString(Path.of("..", "config", "examples", "hil.yaml"));
    assertThat(yaml).contains("journal: hil.journal");
    Path config = dir.resolve("hil.yaml");
    Files.writeString(config, yaml.replace("/tmp/dpem-hil-", dir.resolve("hil-").toString()));
    // the journal comes from the config (relative to its directory): no --journal given
    Path journal = dir.resolve("hil.journal");

    List<String> acknowledged = new ArrayList<>();
    try (DpemProcess first = DpemProcess.run(home, "first", TOKEN, "--config", config.toString())) {
      try (AdminLine admin = first.admin().auth(TOKEN)) {
        for (int i = 0; i < 6; i++) {
          // far more pairs than a minute can deliver, and a long deadline: live at the kill
          String route = i % 2 == 0 ? "lab-a lab-b" : "e1 e2";
          JsonNode r = admin.ask("request " + route + " 0.6 5000 900");
          assertThat(r.path("ok").asBoolean()).as(r.toString()).isTrue();
          acknowledged.add(r.path("id").asText());
        }
        // let allocations open on the devices, so the restart has holdings to release
        awaitAllocations(admin);
      }
      first.kill();
    }
    assertThat(socatsServing(dir)).as("socat pairs left behind by the killed run").isPositive();
    Set<String> journaled = Journal.read(journal).records().stream()
        .filter(JournalRecord.Admitted.class::isInstance)
        .map(r -> Long.toString(((JournalRecord.Admitted) r).request().id()))
        .collect(Collectors.toSet());
    assertThat(journaled).containsAll(acknowledged);
    // as if the kill had torn the last write: a record header promising more bytes than follow
    long good = Files.size(journal);
    Files.write(journal, new byte[] {0, 0, 0, 100, 1, 2, 3, 4, 5, 6, 7},
        java.nio.file.StandardOpenOption.APPEND);

    DpemProcess second = DpemProcess.run(home, "second", TOKEN, "--config", config.toString(),
        "--json");
    try (AdminLine admin = second.admin().auth(TOKEN)) {
      for (String id : acknowledged) {
        JsonNode r = admin.ask("request " + id);
        assertThat(r.path("ok").asBoolean()).as("request %s after the restart: %s", id, r).isTrue();
        assertThat(r.path("request").path("state").asText()).as("request %s: %s", id, r)
            .isIn("queued", "allocated");
      }
      // the killed run's socat pairs were reaped, not left beside the new ones
      assertThat(socatsServing(dir)).isEqualTo(3);
    } finally {
      // 143 (128 + SIGTERM) is the JVM's own exit status once the shutdown hook has reported
      assertThat(second.stop()).as("exit code after SIGTERM; see second.log").isIn(0, 143);
    }
    assertThat(dir.resolve("hil.journal.tail-" + good)).as("the torn tail, kept").hasSize(11);
    JsonNode report = new ObjectMapper().readTree(second.stdout());
    assertThat(report.path("recovered_requests").asInt()).isGreaterThanOrEqualTo(acknowledged.size());
    long terminal = report.path("delivered").asLong() + report.path("expired").asLong()
        + report.path("failed").asLong() + report.path("rejected").asLong();
    assertThat(terminal + report.path("live_at_end").asLong())
        .as("every request in one state: %s", report).isEqualTo(report.path("requests").asLong());
    assertThat(report.path("upper_bound_method").asText()).contains("carried over");
  }

  private static void awaitAllocations(AdminLine admin) throws Exception {
    for (int i = 0; i < 100; i++) {
      JsonNode s = admin.ask("status").path("status");
      if (s.path("activeAllocations").asInt() > 0) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no allocation opened within 10 s");
  }

  /** socat processes whose links lie in {@code dir}. */
  private static long socatsServing(Path dir) {
    return ProcessHandle.allProcesses()
        .filter(h -> h.info().command().map(c -> c.endsWith("/socat")).orElse(false))
        .filter(h -> h.info().arguments().map(a -> String.join(" ", a).contains(dir.toString()))
            .orElse(false))
        .count();
  }
}
