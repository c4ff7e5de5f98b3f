package org.dpem.controller.policy.dpem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dpem.config.controller.ActionChoice;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.run.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DpemPolicyTest {
  final Scenario scenario = SmallNetwork.scenario();
  final AgentsConfig agents = SmallNetwork.config().controller().agents();

  @Test
  void maskedActionsAreNeverChosenOnRealViews() {
    int[] checked = new int[3]; // heads checked, of which a masked alternative existed, non-wait actions
    try (DpemPolicy p = DpemPolicy.learning(agents)) {
      AllocationPolicy checking = new AllocationPolicy() {
        @Override
        public String name() {
          return p.name();
        }

        @Override
        public boolean readsForecasts() {
          return true;
        }

        @Override
        public Decision decide(EpochView view) {
          Decision d = p.decide(view);
          boolean[] masks = p.lastMasks();
          int[] actions = p.lastActions();
          List<Integer> heads = NodeEncoding.heads();
          for (int row = 0; row < view.model().nodeCount(); row++) {
            int offset = row * NodeEncoding.LOGITS;
            for (int h = 0; h < heads.size(); h++) {
              int a = actions[row * NodeEncoding.HEADS + h];
              assertThat(masks[offset + a]).as("epoch %d row %d head %d action %d", view.epoch(), row, h, a)
                  .isTrue();
              checked[0]++;
              for (int k = 0; k < heads.get(h); k++) {
                if (!masks[offset + k]) {
                  checked[1]++;
                  break;
                }
              }
              if (a != 0) {
                checked[2]++;
              }
              offset += heads.get(h);
            }
          }
          return d;
        }
      };
      // learning, so actions are sampled (and the weights move) rather than argmax
      SmallNetwork.run(scenario, checking, 101, 60);
      assertThat(p.updates()).isPositive();
    }
    assertThat(checked[0]).isGreaterThan(10_000);
    assertThat(checked[1]).as("heads with a masked action").isGreaterThan(checked[0] / 2);
    assertThat(checked[2]).as("claims and stock orders chosen").isGreaterThan(100);
  }

  @Test
  void aSavedCheckpointDecidesIdenticallyAfterReload(@TempDir Path dir) throws Exception {
    List<EpochView> views = greedyViews();
    try (DpemPolicy trained = DpemPolicy.learning(agents)) {
      trainBriefly(trained);
      assertThat(trained.updates()).isPositive();
      trained.save(dir);
      trained.setLearning(false);
      try (DpemPolicy reloaded = DpemPolicy.load(dir, agents);
          DpemPolicy untrained = DpemPolicy.learning(agents)) {
        untrained.setLearning(false);
        assertThat(reloaded.isLearning()).isFalse();
        int differ = 0;
        int acted = 0;
        for (EpochView v : views) {
          Decision a = trained.decide(v);
          Decision b = reloaded.decide(v);
          assertThat(b).as("epoch %d", v.epoch()).isEqualTo(a);
          acted += a.claims().size() + a.stock().size();
          differ += untrained.decide(v).equals(a) ? 0 : 1;
        }
        assertThat(acted).as("claims and stock orders decided").isPositive();
        // the comparison has teeth: other weights decide otherwise
        assertThat(differ).isPositive();
      }
    }
  }

  /**
   * Taking the most probable action draws no random numbers: the same weights with different
   * random states decide alike, where sampling does not.
   */
  @Test
  void theMostProbableActionDoesNotDependOnTheRandomState(@TempDir Path dir) throws Exception {
    List<EpochView> views = greedyViews();
    try (DpemPolicy trained = DpemPolicy.learning(agents)) {
      trainBriefly(trained);
      trained.save(Files.createDirectories(dir.resolve("a")));
      trained.setLearning(false);
      SmallNetwork.run(scenario, trained, 2, 10); // samples, so the random state moves on
      trained.save(Files.createDirectories(dir.resolve("b")));
    }
    int[] sampled = differences(dir, ActionChoice.SAMPLE, views);
    int[] mostProbable = differences(dir, ActionChoice.MOST_PROBABLE, views);
    assertThat(sampled[0]).as("epochs the two random states decided differently, sampling").isPositive();
    assertThat(mostProbable[0]).as("the same, taking the most probable action").isZero();
    assertThat(mostProbable[1]).as("claims decided").isPositive();
  }

  /** The views of 30 s of seed 1 under greedy, to decide on again. */
  private List<EpochView> greedyViews() {
    SmallNetwork.Recording views = new SmallNetwork.Recording(scenario.policies().apply("greedy"));
    SmallNetwork.run(scenario, views, 1, 30);
    return views.views;
  }

  /** 30 s of learning on training seed 101, closed as an episode. */
  private void trainBriefly(DpemPolicy p) {
    SmallNetwork.run(scenario, p, 101, 30);
    p.endEpisode();
  }

  /** Epochs in which the policies of a/ and b/ decide differently, and the claims of a/'s. */
  private int[] differences(Path dir, ActionChoice choice, List<EpochView> views) throws Exception {
    AgentsConfig a = agents.withEvaluation(choice);
    int differ = 0;
    int claims = 0;
    try (DpemPolicy first = DpemPolicy.load(dir.resolve("a"), a);
        DpemPolicy second = DpemPolicy.load(dir.resolve("b"), a)) {
      for (EpochView v : views) {
        Decision d = first.decide(v);
        differ += d.equals(second.decide(v)) ? 0 : 1;
        claims += d.claims().size();
      }
    }
    return new int[] {differ, claims};
  }

  /** Passes decisions through and counts how often the chosen actions are the teacher's. */
  private static class TeacherCheck implements AllocationPolicy {
    final DpemPolicy p;
    int teacherEpochs;
    int otherEpochs;
    long agreeing;
    long slotted;

    TeacherCheck(DpemPolicy p) {
      this.p = p;
    }

    @Override
    public String name() {
      return p.name();
    }

    @Override
    public boolean readsForecasts() {
      return true;
    }

    @Override
    public Decision decide(EpochView view) {
      Decision d = p.decide(view);
      int[] taught = p.lastTeacherActions();
      boolean same = java.util.Arrays.equals(taught, p.lastActions());
      if (same) {
        teacherEpochs++;
      } else {
        otherEpochs++;
      }
      for (int row = 0; row < view.model().nodeCount(); row++) {
        for (int s = 0; s < NodeEncoding.REQUEST_SLOTS; s++) {
          int i = row * NodeEncoding.HEADS + s;
          if (taught[i] != 0) {
            slotted++;
            agreeing += taught[i] == p.lastActions()[i] ? 1 : 0;
          }
        }
      }
      return d;
    }
  }

  @Test
  void theWarmStartActsAsTheTeacherThenPpoTakesOver() {
    try (DpemPolicy p = DpemPolicy.learning(agents.withImitationUpdates(4))) {
      TeacherCheck check = new TeacherCheck(p) {
        @Override
        public Decision decide(EpochView view) {
          int before = teacherEpochs;
          Decision d = super.decide(view);
          if (p.updates() < 4) {
            assertThat(teacherEpochs).as("epoch %d, imitating", view.epoch()).isEqualTo(before + 1);
          }
          return d;
        }
      };
      SmallNetwork.run(scenario, check, 101, 60);
      assertThat(p.updates()).isGreaterThan(4);
      assertThat(check.teacherEpochs).isGreaterThanOrEqualTo(4 * agents.rolloutEpochs());
      assertThat(check.otherEpochs).as("epochs decided by PPO's samples, not the teacher").isPositive();
    }
  }

  @Test
  void anImitatingPolicyLearnsTheTeachersClaims() {
    try (DpemPolicy student = DpemPolicy.learning(agents.withImitationUpdates(1000));
        DpemPolicy untrained = DpemPolicy.learning(agents)) {
      SmallNetwork.run(scenario, student, 101, 120);
      assertThat(student.updates()).isPositive();
      student.setLearning(false);
      untrained.setLearning(false);
      TeacherCheck copied = new TeacherCheck(student);
      TeacherCheck random = new TeacherCheck(untrained);
      SmallNetwork.run(scenario, copied, 1, 60);
      SmallNetwork.run(scenario, random, 1, 60);
      double a = copied.agreeing / (double) copied.slotted;
      double b = random.agreeing / (double) random.slotted;
      System.out.printf("teacher's request actions taken (held-out seed 1): imitated %.2f, untrained %.2f%n", a, b);
      assertThat(copied.slotted).isGreaterThan(100);
      assertThat(a).isGreaterThan(b + 0.2);
    }
  }

  @Test
  void ppoWithATeacherWeightKeepsCloserToTheTeacherThanPlainPpo() {
    double[] agreement = new double[2];
    double[] weights = {0, 2.0};
    for (int k = 0; k < 2; k++) {
      try (DpemPolicy p = DpemPolicy.learning(agents.withImitationUpdates(3).withTeacherWeight(weights[k]))) {
        TeacherCheck check = new TeacherCheck(p);
        SmallNetwork.run(scenario, check, 101, 120);
        assertThat(p.updates()).isGreaterThan(6);
        p.setLearning(false);
        TeacherCheck held = new TeacherCheck(p);
        SmallNetwork.run(scenario, held, 1, 60);
        agreement[k] = held.agreeing / (double) held.slotted;
      }
    }
    System.out.printf("teacher's request actions taken after PPO (held-out seed 1): plain %.2f, teacher weight 2: %.2f%n",
        agreement[0], agreement[1]);
    assertThat(agreement[1]).isGreaterThan(agreement[0]);
  }
}
