package org.dpem.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.dpem.hal.time.TimeBase;
import org.junit.jupiter.api.Test;

class SimEngineTest {

  @Test
  void eventsRunInTimeOrderAndTiesInInsertionOrder() {
    SimEngine e = new SimEngine(1);
    List<String> ran = new ArrayList<>();
    e.schedule(20, x -> ran.add("b" + x), 1);
    e.schedule(10, x -> ran.add("a" + x), 1);
    e.schedule(20, x -> ran.add("b" + x), 2);
    e.schedule(20, x -> {
      ran.add("b3");
      e.schedule(0, y -> ran.add("b4"), 0);
    }, 3);
    e.schedule(30, x -> ran.add("c"), 0);
    assertThat(e.runUntil(25)).isEqualTo(5);
    assertThat(ran).containsExactly("a1", "b1", "b2", "b3", "b4");
    assertThat(e.now()).isEqualTo(25);
    e.runUntil(100);
    assertThat(ran).endsWith("c");
    assertThatThrownBy(() -> e.scheduleAt(50, x -> { }, 0)).hasMessageContaining("now is 100");
  }

  @Property(tries = 50)
  void heapOrderMatchesASortByTimeThenSequence(
      @ForAll @Size(min = 1, max = 3000) List<@LongRange(min = 0, max = 50) Long> times) {
    SimEngine e = new SimEngine(2);
    List<long[]> ran = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      long t = times.get(i);
      e.scheduleAt(t, x -> ran.add(new long[] {e.now(), x}), i);
    }
    e.runUntil(Long.MAX_VALUE - 1);
    assertThat(ran).hasSize(times.size());
    for (int i = 1; i < ran.size(); i++) {
      long[] a = ran.get(i - 1);
      long[] b = ran.get(i);
      assertThat(a[0] < b[0] || (a[0] == b[0] && a[1] < b[1])).isTrue();
    }
  }

  @Test
  void runUntilAConditionStopsRightAfterTheEventThatMetIt() {
    SimEngine e = new SimEngine(1);
    int[] count = {0};
    SimAction tick = new SimAction() {
      @Override
      public void fire(long arg) {
        count[0]++;
        e.schedule(1_000, this, 0);
      }
    };
    e.schedule(0, tick, 0);
    assertThat(e.runUntil(Long.MAX_VALUE, () -> count[0] == 7)).isTrue();
    assertThat(e.now()).isEqualTo(6_000);
    assertThat(e.runUntil(10_500, () -> false)).isFalse();
    assertThat(e.now()).isEqualTo(10_500);
    assertThat(count[0]).isEqualTo(11);
  }

  @Test
  void timeBaseRunsControllerTasksOnVirtualTimeAndCancels() {
    SimEngine e = new SimEngine(1);
    TimeBase time = e.timeBase();
    List<Long> ran = new ArrayList<>();
    time.schedule(TimeBase.nanos(1.5), () -> ran.add(time.nowNanos()));
    TimeBase.Scheduled cancelled = time.schedule(TimeBase.nanos(1.0), () -> ran.add(-1L));
    assertThat(cancelled.cancel()).isTrue();
    assertThat(cancelled.cancel()).isFalse();
    e.runUntil(TimeBase.nanos(2));
    assertThat(ran).containsExactly(1_500_000_000L);
    assertThat(time.nowSeconds()).isEqualTo(2.0);
  }

  @Test
  void randomStreamsDependOnlyOnSeedAndName() {
    RandomStreams a = new RandomStreams(99);
    SplittableRandom s1 = a.stream("n1.source");
    SplittableRandom s1again = new RandomStreams(99).stream("n1.source");
    for (int i = 0; i < 100; i++) {
      assertThat(s1.nextLong()).isEqualTo(s1again.nextLong());
    }
    assertThat(a.stream("n1.source").nextLong()).isNotEqualTo(a.stream("n2.source").nextLong());
    assertThat(a.stream("n1.source").nextLong()).isNotEqualTo(new RandomStreams(100).stream("n1.source").nextLong());
    // pinned so a change of derivation (which would change every result) is noticed
    assertThat(RandomStreams.fnv1a64("")).isEqualTo(0xcbf29ce484222325L);
    assertThat(RandomStreams.fnv1a64("a")).isEqualTo(0xaf63dc4c8601ec8cL);
  }

  @Test
  void postedTasksFromOtherThreadsRunOnTheEngineThreadBeforeTheNextEvent() throws Exception {
    SimEngine e = new SimEngine(1);
    List<String> ran = new ArrayList<>();
    Thread engineThread = Thread.currentThread();
    e.schedule(10, x -> ran.add("event"), 0);
    Thread other = new Thread(() -> e.post(() -> ran.add("posted@" + e.now()
        + (Thread.currentThread() == engineThread ? " on engine" : " elsewhere"))));
    other.start();
    other.join();
    e.runUntil(20);
    assertThat(ran).containsExactly("posted@0 on engine", "event");
  }

  @Test
  void traceBytesRecordEventsAndNotes() {
    ByteTrace t = ByteTrace.inMemory();
    SimEngine e = new SimEngine(1);
    e.trace(t);
    e.schedule(5, x -> e.note("hello", 0.5), 7);
    e.runUntil(10);
    // event: 1 + 3 * 8 bytes; note: 1 + 8 + 4 + 5 + 8 bytes
    assertThat(t.bytes()).hasSize(25 + 26);
    assertThat(t.records()).isEqualTo(2);
    assertThat(t.sha256()).hasSize(64);
  }
}
