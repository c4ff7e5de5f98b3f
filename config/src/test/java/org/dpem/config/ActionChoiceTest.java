package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dpem.config.Yaml.ok;
import static org.dpem.config.Yaml.only;

import org.dpem.config.controller.ActionChoice;
import org.junit.jupiter.api.Test;

class ActionChoiceTest {
  @Test
  void aTrainedPolicySamplesUnlessToldToTakeTheMostProbableAction() {
    assertThat(ok("controller:\n  agents:\n    seed: 2\n").controller().agents().evaluation())
        .isEqualTo(ActionChoice.SAMPLE);
    assertThat(ok("controller:\n  agents:\n    evaluation: most-probable\n").controller().agents().evaluation())
        .isEqualTo(ActionChoice.MOST_PROBABLE);
  }

  @Test
  void anUnknownChoiceIsReportedAtItsLine() {
    assertThat(only("controller:\n  agents:\n    evaluation: argmax\n").format())
        .startsWith("t.yaml:3:17: controller.agents.evaluation: unknown value 'argmax'")
        .contains("most-probable");
  }
}
