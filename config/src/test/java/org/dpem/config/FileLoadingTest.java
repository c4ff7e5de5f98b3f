package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.dpem.config.workload.TraceArrivals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading from disk: missing files, encodings, and paths relative to the config. */
class FileLoadingTest {

  @TempDir Path dir;

  @Test
  void missingFileIsAnIoErrorNotAConfigProblem() {
    assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("absent.yaml"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void problemsNameTheFileAsGiven() throws Exception {
    Path f = Files.writeString(dir.resolve("c.yaml"), "controller:\n  k_paths: 0\n");
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
    assertThat(e.problems()).singleElement().extracting(ConfigProblem::format)
        .isEqualTo(f + ":2:12: controller.k_paths: must be an integer in [1, 64], got 0");
  }

  @Test
  void theFourMiBLimitIsTheRealOne() throws Exception {
    // well past the YAML engine's own default of 3 Mi code points, under the stated 4 MiB
    // comments inside a mapping: the YAML engine reads them as part of the document
    StringBuilder b = new StringBuilder("controller:\n  policy: greedy\nworkload:\n");
    String comment = "  # " + "x".repeat(1019) + "\n";
    String last = "  type: poisson\n";
    while (b.length() + comment.length() + last.length() < ConfigLoader.MAX_BYTES - 16) {
      b.append(comment);
    }
    String body = b.toString();
    assertThat(body.length()).isGreaterThan(3 * 1024 * 1024 + 512 * 1024);
    Path f = Files.writeString(dir.resolve("big.yaml"), body + last);
    assertThat(ConfigLoader.load(f).controller().policy().name()).isEqualTo("GREEDY");

    Path over = Files.writeString(dir.resolve("over.yaml"), body + comment + last);
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> ConfigLoader.load(over));
    assertThat(e.problems().get(0).message()).contains("at most " + ConfigLoader.MAX_BYTES);
  }

  @Test
  void aNetworkTooLargeForTheHeapIsRefusedWithWhatItNeeds() throws Exception {
    Path f = Files.writeString(dir.resolve("huge.yaml"),
        "network:\n  generator:\n    type: random-mesh\n    nodes: 100000\n");
    MemoryEstimate need = MemoryEstimate.of(new org.dpem.config.network.GeneratorSpec(
        org.dpem.config.network.GeneratorType.RANDOM_MESH, 100_000, 4, 0.4, 0.1, 100, 4, 4, 4, 1,
        new Range(1, 2), 0.2, new Range(0, 10), new Range(0, 5), 10, 1, 0.98,
        org.dpem.config.network.GenerationReading.EMISSION));
    org.junit.jupiter.api.Assumptions.assumeTrue(need.totalBytes() > MemoryEstimate.heapLimitBytes(),
        "this JVM's heap could hold even a 100,000-node mesh");
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
        () -> ConfigLoader.load(f));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.line()).isEqualTo(4);
      assertThat(p.key()).isEqualTo("network.generator.nodes");
      assertThat(p.message()).contains("needs about ").contains("GiB").contains("adjacency matrix")
          .contains("-Xmx");
    });
    // the paper's 100 nodes need little
    assertThat(ConfigLoader.load(Files.writeString(dir.resolve("paper.yaml"), "")).nodeIds())
        .hasSize(100);
  }

  @Test
  void invalidUtf8IsReportedAtItsLineAndColumn() throws Exception {
    byte[] bytes = "controller:\n  policy: gr\u00e9edy\n".getBytes(StandardCharsets.ISO_8859_1);
    Path f = Files.write(dir.resolve("latin1.yaml"), bytes);
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
    ConfigProblem p = e.problems().get(0);
    assertThat(p.line()).isEqualTo(2);
    assertThat(p.column()).isEqualTo(13);
    assertThat(p.message()).contains("not UTF-8").contains("0xe9");
  }

  @Test
  void relativePathsResolveAgainstTheConfigsDirectoryAndMustExist() throws Exception {
    Path f = Files.writeString(dir.resolve("w.yaml"), "workload:\n  type: trace\n  trace: requests.csv\n");
    ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("workload.trace");
      assertThat(p.line()).isEqualTo(3);
      assertThat(p.column()).isEqualTo(10);
      assertThat(p.message()).contains(dir.resolve("requests.csv").toString());
    });
    Files.writeString(dir.resolve("requests.csv"), "t,src,dst\n");
    TraceArrivals t = (TraceArrivals) ConfigLoader.load(f).workload().arrivals();
    assertThat(t.file()).isEqualTo(dir.resolve("requests.csv"));
  }

  @Test
  void journalDefaultsToTheWorkingDirectoryButAWrittenOneIsRelativeToTheFile() throws Exception {
    Path f = Files.writeString(dir.resolve("j.yaml"), "controller: {journal: out/j.journal}\n");
    assertThat(ConfigLoader.load(f).controller().journal()).isEqualTo(dir.resolve("out/j.journal"));
    Path g = Files.writeString(dir.resolve("k.yaml"), "");
    assertThat(ConfigLoader.load(g).controller().journal()).isEqualTo(Path.of("dpem.journal"));
  }
}
