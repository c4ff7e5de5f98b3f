package org.dpem.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dpem train} end to end on a 6-node network, a few simulated seconds per episode. */
class TrainCommandTest {
  static final String YAML = """
      version: 1
      network:
        generator: {type: random-mesh, nodes: 6, average_degree: 3, seed: 42,
                    link_length_km: [10, 50], generation_reading: heralded,
                    generation_rate_pairs_per_s: [0, 10], repeater_capacity_pairs_per_s: [0, 5],
                    memory_slots: 10, coherence_time_s: 60}
      controller:
        agents: {forecaster: ewma, minibatch: 32, rollout_epochs: 32}
      workload: {type: poisson, rate_per_s: 2, pairs: [1, 3], deadline_s: [5, 20], seed: 7}
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  /** Fewer episodes than --eval-every: no evaluation, so no level; the report says so, it does not fail. */
  @Test
  void aTrainingWithoutEvaluationReportsNoLevel() throws Exception {
    Path config = Files.writeString(dir.resolve("small.yaml"), YAML);
    Path out = dir.resolve("train");
    String[] args = {"--quiet", "train", "--config", config.toString(), "--seed", "101", "--out",
        out.toString(), "--episodes", "1", "--episode-length", "5s", "--eval-every", "3"};

    assertThat(DpemCommand.commandLine().execute(concat(args, "--json"))).isZero();
    JsonNode report = new ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
    assertThat(report.path("training_seeds").asText()).isEqualTo("101-101");
    assertThat(report.path("eval_final_level").isNull()).as(report.toString()).isTrue();
    assertThat(report.path("converged").asBoolean()).isFalse();
    assertThat(out.resolve("policy.ckpt")).exists();

    stdout.reset();
    // the command moves System.out to System.err while it runs (libraries print there), and the
    // process ends after it
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    args[args.length - 5] = "2"; // --episodes 2, resumed: still no evaluation, now in text
    assertThat(DpemCommand.commandLine().execute(concat(args, "--resume"))).isZero();
    assertThat(stdout.toString(StandardCharsets.UTF_8))
        .containsPattern("training_seeds\\s+101-102").containsPattern("eval_final_level\\s+-");
  }

  private static String[] concat(String[] args, String more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = more;
    return all;
  }
}
