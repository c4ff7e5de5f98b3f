package org.dpem.controller.hil;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.sim.engine.SimEngine;
import org.junit.jupiter.api.Test;

class WallPacerTest {

  @Test
  void virtualTimeNeverRunsAheadOfTheWallClockAndReachesTheEnd() {
    try (WallClockTimeBase wall = new WallClockTimeBase()) {
      SimEngine engine = new SimEngine(1);
      AtomicLong ahead = new AtomicLong();
      AtomicLong events = new AtomicLong();
      // an event every 10 ms of virtual time records how far it ran ahead of the wall clock
      Runnable[] tick = new Runnable[1];
      tick[0] = () -> {
        events.incrementAndGet();
        ahead.accumulateAndGet(engine.now() - wall.nowNanos(), Math::max);
        engine.timeBase().schedule(10_000_000L, tick[0]);
      };
      engine.timeBase().schedule(0, tick[0]);
      long end = wall.nowNanos() + 300_000_000L;
      boolean stopped = new WallPacer(wall, 1_000_000L).runUntil(engine, end, () -> false);
      assertThat(stopped).isFalse();
      assertThat(engine.now()).isEqualTo(end);
      assertThat(wall.nowNanos()).isGreaterThanOrEqualTo(end);
      assertThat(ahead.get()).isLessThanOrEqualTo(0);
      assertThat(events.get()).isGreaterThan(25);
    }
  }

  @Test
  void stopEndsAPacedRun() {
    try (WallClockTimeBase wall = new WallClockTimeBase()) {
      SimEngine engine = new SimEngine(1);
      long stopAt = wall.nowNanos() + 50_000_000L;
      assertThat(new WallPacer(wall, 1_000_000L)
          .runUntil(engine, Long.MAX_VALUE, () -> wall.nowNanos() > stopAt)).isTrue();
    }
  }
}
