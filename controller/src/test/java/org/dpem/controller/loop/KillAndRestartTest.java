package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the controller in a second JVM, kills it with SIGKILL while it accepts requests, restarts
 * it on the same journal, and checks that every request it acknowledged is still there (twice,
 * so recovery of a recovered journal is covered too).
 */
class KillAndRestartTest {
  @TempDir Path dir;

  private Process start(String mode, Path journal) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "-Ddpem.log.level=WARN", CrashableController.class.getName(), mode, journal.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    return pb.start();
  }

  private Set<Long> acceptUntilKilled(Path journal, int atLeast) throws Exception {
    Process p = start("serve", journal);
    Set<Long> accepted = new LinkedHashSet<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (accepted.size() < atLeast && (line = in.readLine()) != null) {
        if (line.startsWith("ACCEPTED ")) {
          accepted.add(Long.parseLong(line.substring(9)));
        }
      }
      // SIGKILL while it keeps submitting: no shutdown hooks, no final flush
      p.destroyForcibly();
      assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(p.exitValue()).isEqualTo(137);
    return accepted;
  }

  private Map<Long, String> list(Path journal) throws Exception {
    Process p = start("list", journal);
    Map<Long, String> known = new HashMap<>();
    List<String> other = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("KNOWN ")) {
          String[] f = line.split(" ");
          known.put(Long.parseLong(f[1]), f[2]);
        } else {
          other.add(line);
        }
      }
    }
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(other).contains("END");
    return known;
  }

  @Test
  void noAcknowledgedRequestIsLostToSigkill() throws Exception {
    Path journal = dir.resolve("journal.bin");
    Set<Long> first = acceptUntilKilled(journal, 40);
    Set<Long> second = acceptUntilKilled(journal, 40);
    assertThat(second).doesNotContainAnyElementsOf(first);
    Map<Long, String> known = list(journal);
    assertThat(known.keySet()).containsAll(first).containsAll(second);
    // they were live when the process died, and come back live (queued for a new allocation)
    for (long id : first) {
      assertThat(known.get(id)).isIn("QUEUED", "ALLOCATED");
    }
  }
}
