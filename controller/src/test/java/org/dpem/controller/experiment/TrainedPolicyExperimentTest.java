package org.dpem.controller.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dpem.config.ConfigLoader;
import org.dpem.config.ShippedExamples;
import org.dpem.controller.policy.dpem.DpemPolicy;
import org.dpem.controller.train.LearningCurve;
import org.dpem.controller.train.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The experiment evaluates a policy that {@code dpem train} wrote, never one trained on its
 * evaluation seeds, and keeps it beside each run so that the run replays. The policy here is a
 * fresh one saved in the trainer's layout: what is tested is the handling, not the learning.
 */
class TrainedPolicyExperimentTest {
  @TempDir static Path dir;
  static String yaml;
  static TrainedPolicy trained;

  @BeforeAll
  static void savePolicy() throws Exception {
    yaml = ShippedExamples.text(ShippedExamples.PAPER_100);
    Path train = dir.resolve("train");
    Files.createDirectories(train);
    try (DpemPolicy p = DpemPolicy.learning(ConfigLoader.parse(yaml, "paper-100").controller().agents())) {
      p.save(train);
    }
    LearningCurve curve = new LearningCurve();
    curve.add(new LearningCurve.Row(0, 101, 300, 1.0, 0.1, 0.4, 10, -1, Double.NaN, -1));
    curve.add(new LearningCurve.Row(1, 102, 600, 2.0, 0.2, 0.4, 9, 100101, 0.4, 8));
    curve.writeCsv(train.resolve(Trainer.CURVE_CSV));
    trained = TrainedPolicy.read(train);
  }

  @Test
  void theTrainingSeedsAreReadFromTheLearningCurve() {
    assertThat(trained.seenSeeds()).containsExactlyInAnyOrder(101L, 102L, 100101L);
  }

  @Test
  void dpemWithoutATrainedPolicyIsRefused() {
    assertThatThrownBy(() -> new ExperimentPlan(yaml, "paper-100", List.of("greedy", "dpem"),
        List.of(1L), 20, Map.of(), "dpem"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--checkpoint");
  }

  @Test
  void aPolicyTrainedOnAnEvaluationSeedIsRefused() {
    assertThatThrownBy(() -> new ExperimentPlan(yaml, "paper-100", List.of("dpem"),
        List.of(100L, 101L), 20, Map.of(), "dpem", trained))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[101]");
  }

  @Test
  void aDirectoryWithoutItsLearningCurveIsRefused() throws Exception {
    Path bare = dir.resolve("bare");
    Files.createDirectories(bare);
    Files.copy(trained.checkpoint(), bare.resolve(DpemPolicy.CHECKPOINT));
    assertThatThrownBy(() -> TrainedPolicy.read(bare)).hasMessageContaining(Trainer.CURVE_CSV);
  }

  @Test
  void aDpemRunKeepsItsPolicyAndReplaysByteForByte() throws Exception {
    ExperimentPlan plan = new ExperimentPlan(yaml, "paper-100", List.of("dpem"), List.of(1L), 20,
        Map.of("nodes", List.of("12")), "dpem", trained);
    Path out = dir.resolve("exp");
    List<RunResult> results = Experiment.run(plan, out, 1, r -> {});
    assertThat(results).hasSize(1);
    assertThat(results.get(0).error()).isNull();
    Path run = out.resolve("runs").resolve(results.get(0).spec().id());
    assertThat(run.resolve(DpemPolicy.CHECKPOINT)).hasSameBinaryContentAs(trained.checkpoint());
    assertThat(((Number) results.get(0).fields().get("requests")).longValue()).isPositive();
    assertThat(Replay.check(run).differences()).isEmpty();
    new ExperimentReport(plan, results, "dpem experiment (test)").write(out);
    assertThat(Files.readString(out.resolve("summary.md")))
        .contains("training and validation seeds: 101-102, 100101")
        .contains("taking its most probable actions"); // paper-100's controller.agents.evaluation
  }
}
