package org.dpem.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What an operator sees when the command line is wrong: usage and exit 2, one message, no stack trace. */
class DpemCliTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private PrintStream savedErr;
  private PrintStream savedOut;

  @BeforeEach
  void capture() {
    savedErr = System.err;
    savedOut = System.out;
    // dpem run prints its messages on System.err and moves System.out there while it runs
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(savedErr);
    System.setOut(savedOut);
  }

  private int run(String... args) {
    CommandLine cl = DpemCommand.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  private String console() {
    return err + stderr.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentsPrintsUsageAndExits2() {
    assertThat(run()).isEqualTo(2);
    assertThat(console()).contains("Usage: dpem").contains("run").contains("help");
  }

  @Test
  void helpIsACommand() {
    assertThat(run("help")).isZero();
    assertThat(out.toString()).contains("Usage: dpem");
    assertThat(run("help", "run")).isZero();
    assertThat(out.toString()).contains("Usage: dpem run").contains("--admin-port");
  }

  @Test
  void humanNumbersHaveNoTrailingZeroAndFourSignificantDigits() {
    assertThat(RunCommand.human(10.0)).isEqualTo("10");
    assertThat(RunCommand.human(7.998400319936013E-5)).isEqualTo("0.00007998");
    assertThat(RunCommand.human(0.7874766705104591)).isEqualTo("0.7875");
    assertThat(RunCommand.human(12L)).isEqualTo("12");
    assertThat(RunCommand.human(null)).isEqualTo("-");
  }

  @Test
  void runTimesItsEpochs() throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
    Path cfg = Files.writeString(dir.resolve("c.yaml"), "version: 1\nnetwork:\n  nodes:\n"
        + "    - {id: a}\n    - {id: b}\n  links:\n    - {a: a, b: b, length_km: 5}\n"
        + "controller:\n  broker: tcp://127.0.0.1:1\n  admin:\n    token: test-token-0123456789abcdef\n");
    assertThat(run("run", "--config", cfg.toString(), "--admin-port", "0", "--duration", "20s", "--json"))
        .as(console()).isZero();
    var j = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stdout.toString(StandardCharsets.UTF_8));
    assertThat(j.path("epoch_p50_us").isNumber()).as(j.toString()).isTrue();
  }

  @Test
  void aRunWithADurationShowsStatusLinesWhenNotOnATerminal() throws Exception {
    Path cfg = Files.writeString(dir.resolve("p.yaml"), "version: 1\nnetwork:\n  nodes:\n"
        + "    - {id: a}\n    - {id: b}\n  links:\n    - {a: a, b: b, length_km: 5}\n"
        + "controller:\n  broker: tcp://127.0.0.1:1\n  admin:\n    token: test-token-0123456789abcdef\n");
    // paced at 2x: 12 simulated seconds take 6 s of wall time, past the first status line at 5 s
    assertThat(run("run", "--config", cfg.toString(), "--admin-port", "0", "--duration", "12s",
        "--speed", "2", "--json")).as(console()).isZero();
    assertThat(stderr.toString(StandardCharsets.UTF_8)).containsPattern("t=[0-9.]+s/12s epoch=");
  }

  @Test
  void outOfRangePortsAreOneMessage() {
    assertThat(run("run", "--admin-port", "70000", "--duration", "1s")).isEqualTo(2);
    assertThat(console()).contains("--admin-port 70000: a port must be 0..65535")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void missingConfigSaysNoSuchFile() {
    assertThat(run("run", "--config", dir.resolve("nope.yaml").toString())).isEqualTo(2);
    assertThat(console()).contains("cannot read config " + dir.resolve("nope.yaml") + ": no such file")
        .doesNotContain("\tat ");
  }

  @Test
  void tokenFileWithSpacesIsOneMessage() throws Exception {
    Path token = dir.resolve("admin.token");
    Files.writeString(token, "two words\n");
    Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));
    // an external broker, so no embedded broker (and no credentials file) is involved
    Path cfg = Files.writeString(dir.resolve("c.yaml"), "version: 1\nnetwork:\n  nodes:\n"
        + "    - {id: a}\n    - {id: b}\n  links:\n    - {a: a, b: b, length_km: 5}\n"
        + "controller:\n  broker: tcp://127.0.0.1:1\n  admin:\n    token_file: admin.token\n");
    assertThat(run("run", "--config", cfg.toString(), "--admin-port", "0", "--duration", "1s")).isEqualTo(2);
    assertThat(console()).contains("admin socket on 127.0.0.1:0 cannot start")
        .contains("whitespace").doesNotContain("\tat ");
  }
}
