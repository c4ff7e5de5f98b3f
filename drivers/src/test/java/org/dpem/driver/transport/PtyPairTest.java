package org.dpem.driver.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PtyPairTest {
  @TempDir Path dir;

  @BeforeEach
  void socat() {
    Hil.requireBinary("socat");
  }

  /** A socat on given links that nobody owns any more, as a SIGKILLed controller leaves it. */
  private static Process orphan(Path a, Path b) throws Exception {
    Process p = new ProcessBuilder(List.of("socat", "-d", "-d",
        "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    for (int i = 0; i < 500 && !(Files.exists(a) && Files.exists(b)); i++) {
      Thread.sleep(10);
    }
    assertThat(Files.exists(a) && Files.exists(b)).as("orphan socat made its links").isTrue();
    return p;
  }

  @Test
  void aLeftoverSocatOnTheSameLinksIsKilledAndOthersAreLeftAlone() throws Exception {
    Path a = dir.resolve("port");
    Path b = dir.resolve("port.fw");
    Process stale = orphan(a, b);
    Process unrelated = orphan(dir.resolve("other"), dir.resolve("other.fw"));
    try (PtyPair fresh = PtyPair.start(a, b)) {
      assertThat(stale.waitFor(5, TimeUnit.SECONDS)).as("the leftover socat is gone").isTrue();
      assertThat(unrelated.isAlive()).as("a socat on other links is not touched").isTrue();
      assertThat(fresh.isAlive()).isTrue();
      assertThat(Files.readSymbolicLink(a)).isNotNull();
    } finally {
      unrelated.destroyForcibly();
      stale.destroyForcibly();
    }
  }

  @Test
  void aPairALiveProcessOwnsIsRefusedNotStolen() throws Exception {
    Path a = dir.resolve("port");
    Path b = dir.resolve("port.fw");
    try (PtyPair first = PtyPair.start(a, b)) {
      assertThatThrownBy(() -> PtyPair.start(a, b)).isInstanceOf(java.io.IOException.class)
          .hasMessageContaining("in use by another live process").hasMessageContaining("port.lock");
      assertThat(first.isAlive()).as("the owner's socat is untouched").isTrue();
    }
    // closed, the links are free again
    try (PtyPair again = PtyPair.start(a, b)) {
      assertThat(again.isAlive()).isTrue();
    }
  }
}
