package org.dpem.controller.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.commons.math3.stat.StatUtils;
import org.dpem.config.ShippedExamples;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real, small experiment: two methods, three seeds, 30 simulated seconds each of the paper's
 * scenario shrunk to 20 nodes (a one-point sweep, which also exercises the sweep path).
 */
class ExperimentTest {
  @TempDir static Path out;
  static ExperimentPlan plan;
  static List<RunResult> results;
  static Map<String, Object> stats;

  @BeforeAll
  static void runIt() throws Exception {
    plan = new ExperimentPlan(ShippedExamples.text("paper-100"), "paper-100",
        List.of("greedy", "max-weight"), List.of(1L, 2L, 3L), 30, Map.of("nodes", List.of("20")),
        "max-weight");
    results = Experiment.run(plan, out, 2, r -> {});
    stats = new ExperimentReport(plan, results, "dpem experiment (test)").write(out);
  }

  @Test
  void everyRunSucceedsAndEveryOutputIsWritten() {
    assertThat(results).hasSize(6).allMatch(RunResult::ok);
    for (String f : List.of("results.csv", "stats.json", "summary.md", "delivery.png",
        "contention.png", "fraction_of_bound.png")) {
      assertThat(out.resolve(f)).isRegularFile();
    }
    for (RunResult r : results) {
      Path d = out.resolve("runs").resolve(r.spec().id());
      assertThat(d.resolve("config.yaml")).isRegularFile();
      assertThat(d.resolve("decisions.log.gz")).isRegularFile();
      assertThat(d.resolve("summary.json")).isRegularFile();
    }
  }

  @Test
  void theSummaryIsRecomputableFromResultsCsv() throws Exception {
    List<String> lines = Files.readAllLines(out.resolve("results.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(",", -1));
    int method = header.indexOf("method");
    int rate = header.indexOf("delivery_rate");
    Map<String, List<Double>> byMethod = new HashMap<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      byMethod.computeIfAbsent(f[method], k -> new ArrayList<>()).add(Double.parseDouble(f[rate]));
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
        stats.get("metrics")).get("delivery_rate")).get("methods");
    for (String meth : List.of("greedy", "max-weight")) {
      double mean = StatUtils.mean(byMethod.get(meth).stream().mapToDouble(Double::doubleValue).toArray());
      @SuppressWarnings("unchecked")
      double reported = ((Number) ((Map<String, Object>) m.get(meth)).get("mean")).doubleValue();
      assertThat(reported).isEqualTo(mean);
    }
    String md = Files.readString(out.resolve("summary.md"));
    assertThat(md).contains("| greedy |").contains("| max-weight |")
        .contains("entanglement delivery rate").contains("recomputable");
  }

  @Test
  void pValuesLieInTheUnitInterval() {
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics = (Map<String, Object>) stats.get("metrics");
    for (Object e : metrics.values()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> em = (Map<String, Object>) e;
      @SuppressWarnings("unchecked")
      Map<String, Object> om = (Map<String, Object>) em.get("omnibus");
      List<Object> ps = new ArrayList<>(List.of(om.getOrDefault("rm_anova_p", 0.5), om.getOrDefault("friedman_p", 0.5)));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> cs = (List<Map<String, Object>>) em.get("comparisons");
      for (Map<String, Object> c : cs) {
        ps.add(c.get("paired_t_p"));
        ps.add(c.get("wilcoxon_p_holm"));
      }
      for (Object p : ps) {
        if (p != null) {
          assertThat(((Number) p).doubleValue()).isBetween(0.0, 1.0);
        }
      }
    }
  }

  @Test
  void thePlotsArePictures() throws Exception {
    BufferedImage img = ImageIO.read(out.resolve("delivery.png").toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo(800);
  }

  @Test
  void aReplayReproducesItsRunAndNoticesTampering() throws Exception {
    Path run = out.resolve("runs").resolve(results.get(0).spec().id());
    assertThat(Replay.check(run).differences()).isEmpty();
    Path copy = out.resolve("tampered");
    Files.createDirectories(copy);
    for (String f : List.of("run.json", "config.yaml", "decisions.log.gz")) {
      Files.copy(run.resolve(f), copy.resolve(f));
    }
    String s = Files.readString(run.resolve("summary.json"));
    Files.writeString(copy.resolve("summary.json"), s.replaceFirst("\"requests\" : (\\d+)", "\"requests\" : 1$1"));
    Replay.Outcome o = Replay.check(copy);
    assertThat(o.identical()).isFalse();
    assertThat(o.differences()).anyMatch(d -> d.startsWith("summary.json requests"));
  }

  @Test
  void aFailingRunIsRecordedAndTheRestGoOn() throws Exception {
    ExperimentPlan bad = new ExperimentPlan(ShippedExamples.text("paper-100"), "paper-100",
        List.of("greedy"), List.of(1L), 5,
        Map.of("nodes", List.of("20"), "controller.epoch_ms", List.of("-3")), null);
    List<RunResult> r = Experiment.run(bad, out.resolve("bad"), 1, x -> {});
    assertThat(r).hasSize(1);
    assertThat(r.get(0).ok()).isFalse();
    assertThat(r.get(0).error()).contains("epoch_ms");
  }
}
