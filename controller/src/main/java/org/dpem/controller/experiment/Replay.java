package org.dpem.controller.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs a stored run again from its directory and says whether it came out byte for byte the same. */
public final class Replay {
  /**
   * @param identical whether summary.json and decisions.log.gz are byte for byte the same
   * @param differences what differs, field by field where it can tell
   */
  public record Outcome(boolean identical, List<String> differences) {}

  private Replay() {}

  public static Outcome check(Path runDir) throws IOException {
    for (String f : List.of("run.json", "config.yaml", "summary.json")) {
      if (!Files.isRegularFile(runDir.resolve(f))) {
        throw new IOException(runDir + " is not an experiment run directory: " + f + " is missing");
      }
    }
    Path tmp = Files.createTempDirectory("dpem-replay-");
    try {
      RunResult r = RunExecutor.replay(runDir, tmp);
      if (!r.ok()) {
        return new Outcome(false, List.of("the replay failed: " + r.error()));
      }
      List<String> diffs = new ArrayList<>();
      byte[] a = Files.readAllBytes(runDir.resolve("summary.json"));
      byte[] b = Files.readAllBytes(tmp.resolve("summary.json"));
      if (!Arrays.equals(a, b)) {
        JsonNode x = RunExecutor.JSON.readTree(a);
        JsonNode y = RunExecutor.JSON.readTree(b);
        for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!e.getValue().equals(y.get(e.getKey()))) {
            diffs.add("summary.json " + e.getKey() + ": stored " + e.getValue() + ", replayed " + y.get(e.getKey()));
          }
        }
        if (diffs.isEmpty()) {
          diffs.add("summary.json differs in its bytes");
        }
      }
      Path da = runDir.resolve("decisions.log.gz");
      Path db = tmp.resolve("decisions.log.gz");
      if (Files.exists(da) && !Arrays.equals(Files.readAllBytes(da), Files.readAllBytes(db))) {
        diffs.add("decisions.log.gz differs");
      }
      return new Outcome(diffs.isEmpty(), diffs);
    } finally {
      try (Stream<Path> s = Files.walk(tmp)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
