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

/** {@code dpem forecast}: the JSON shape, the plot, and a bad step. */
class ForecastCommandTest {
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
  void jsonHasEveryMethodsScoresAndThePlotIsAPng() throws Exception {
    Path png = dir.resolve("f.png");
    int rc = run("forecast", "--config", "../config/examples/paper-100.yaml", "--duration", "400s",
        "--warmup", "100s", "--seed", "1", "--json", "--plot", png.toString());
    assertThat(rc).as(err.toString()).isZero();
    JsonNode j = new ObjectMapper().readTree(out.toString());
    assertThat(j.get("horizon").asInt()).isEqualTo(8);
    assertThat(j.get("nodes").asInt()).isEqualTo(100);
    for (String m : new String[] {"lstm", "ewma", "seasonal-naive", "holt-winters"}) {
      for (String k : new String[] {"mae", "rmse", "mase", "rmsse"}) {
        assertThat(j.get("methods").get(m).get(k).isNumber()).as(m + "." + k).isTrue();
      }
    }
    assertThat(j.get("methods").get("seasonal-naive").get("mase").asDouble()).isEqualTo(1.0);
    assertThat(j.get("methods").get("seasonal-naive").get("rmsse").asDouble()).isEqualTo(1.0);
    assertThat(j.get("zero_forecast").get("mase").isNumber()).isTrue();
    byte[] head = Files.readAllBytes(png);
    assertThat(head).hasSizeGreaterThan(1000);
    assertThat(new String(head, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void aStepThatIsNotWholeEpochsIsRefused() {
    int rc = run("forecast", "--config", "../config/examples/paper-100.yaml", "--step", "0.25s");
    assertThat(rc).isEqualTo(2);
    assertThat(err.toString()).contains("--step must be a whole number of 100 ms epochs");
  }
}
