package org.dpem.hal.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualTimeBaseTest {
  @Test
  void runsDueTasksInTimeThenSchedulingOrder() {
    ManualTimeBase t = new ManualTimeBase();
    List<String> ran = new ArrayList<>();
    t.schedule(20, () -> ran.add("b@" + t.nowNanos()));
    t.schedule(10, () -> ran.add("a@" + t.nowNanos()));
    t.schedule(20, () -> ran.add("c@" + t.nowNanos()));
    TimeBase.Scheduled d = t.schedule(15, () -> ran.add("cancelled"));
    assertThat(d.cancel()).isTrue();
    assertThat(d.cancel()).isFalse();
    t.advance(30);
    assertThat(ran).containsExactly("a@10", "b@20", "c@20");
    assertThat(t.nowNanos()).isEqualTo(30);
  }

  @Test
  void tasksMayScheduleMoreWork() {
    ManualTimeBase t = new ManualTimeBase();
    List<Long> at = new ArrayList<>();
    t.schedule(5, () -> t.schedule(5, () -> at.add(t.nowNanos())));
    t.advance(100);
    assertThat(at).containsExactly(10L);
  }
}
