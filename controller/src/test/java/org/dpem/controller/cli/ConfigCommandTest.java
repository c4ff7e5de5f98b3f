package org.dpem.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dpem config validate}: exit codes, the problem lines, and the JSON form. */
class ConfigCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new DpemCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void shippedExampleIsValid() {
    // Surefire runs in the controller folder; the examples live next door.
    int rc = run("config", "validate", "../config/examples/hil.yaml");
    assertThat(rc).isZero();
    assertThat(out.toString()).contains("valid").contains("8 (explicit; 10 links)")
        .contains("sim 18, serial 3, mqtt 3");
  }

  @Test
  void everyProblemOnStderrAsFileLineColumnKey() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "controller:\n  admin:\n    port: 70000\n  polcy: greedy\n");
    int rc = run("config", "validate", f.toString());
    assertThat(rc).isEqualTo(1);
    assertThat(err.toString().lines()).startsWith(
        f + ":3:11: controller.admin.port: must be an integer in [1, 65535], got 70000",
        f + ":4:3: controller.polcy: unknown key (did you mean 'policy'?); expected one of policy, epoch_ms, k_paths,"
            + " agents, federation, admin, broker, journal, metrics, greedy, greedy_tuned, predictive_greedy,"
            + " signing_key_file");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void jsonProblems() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.yaml"), "workload:\n  type: poison\n");
    int rc = run("config", "validate", "--json", f.toString());
    assertThat(rc).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("valid").asBoolean()).isFalse();
    JsonNode p = j.get("problems").get(0);
    assertThat(p.get("file").asText()).isEqualTo(f.toString());
    assertThat(p.get("line").asInt()).isEqualTo(2);
    assertThat(p.get("column").asInt()).isEqualTo(9);
    assertThat(p.get("key").asText()).isEqualTo("workload.type");
    assertThat(p.get("message").asText()).contains("did you mean 'poisson'?");
  }

  @Test
  void jsonSummaryOfAValidFile() throws Exception {
    int rc = run("config", "validate", "--json", "../config/examples/paper-100.yaml");
    assertThat(rc).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("valid").asBoolean()).isTrue();
    assertThat(j.get("nodes").asInt()).isEqualTo(100);
    assertThat(j.get("devices").get("sim").asInt()).isEqualTo(300);
  }

  @Test
  void missingFileExitsTwo() {
    assertThat(run("config", "validate", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
    assertThat(run("config", "validate", dir.toString())).isEqualTo(2);
  }
}
