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
