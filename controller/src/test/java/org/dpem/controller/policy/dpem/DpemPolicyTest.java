package org.dpem.controller.policy.dpem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
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
    SmallNetwork.Recording views = new SmallNetwork.Recording(scenario.policies().apply("greedy"));
    SmallNetwork.run(scenario, views, 1, 30);
    try (DpemPolicy trained = DpemPolicy.learning(agents)) {
      SmallNetwork.run(scenario, trained, 101, 30);
      trained.endEpisode();
      assertThat(trained.updates()).isPositive();
      trained.save(dir);
      trained.setLearning(false);
      try (DpemPolicy reloaded = DpemPolicy.load(dir, agents);
          DpemPolicy untrained = DpemPolicy.learning(agents)) {
        untrained.setLearning(false);
        assertThat(reloaded.isLearning()).isFalse();
        int differ = 0;
        int acted = 0;
        for (EpochView v : views.views) {
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
}
