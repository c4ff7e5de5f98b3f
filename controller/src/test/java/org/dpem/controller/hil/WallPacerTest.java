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
  void atSpeedTheSimulationKeepsToThatMultipleOfTheWallClock() {
    try (WallClockTimeBase wall = new WallClockTimeBase()) {
      SimEngine engine = new SimEngine(1);
      engine.runUntil(5_000_000_000L); // a run that has already gone on for a while
      long wall0 = wall.nowNanos();
      AtomicLong ahead = new AtomicLong(Long.MIN_VALUE);
      Runnable[] tick = new Runnable[1];
      tick[0] = () -> {
        long allowed = 5_000_000_000L + 20 * (wall.nowNanos() - wall0);
        ahead.accumulateAndGet(engine.now() - allowed, Math::max);
        engine.timeBase().schedule(50_000_000L, tick[0]);
      };
      engine.timeBase().schedule(0, tick[0]);
      WallPacer pacer = WallPacer.atSpeed(wall, 20, engine, 1_000_000L);
      assertThat(pacer.runUntil(engine, 7_000_000_000L, () -> false)).isFalse();
      // 2 simulated seconds at 20x take at least 100 ms of wall time, and never run ahead
      assertThat(wall.nowNanos() - wall0).isGreaterThanOrEqualTo(100_000_000L);
      assertThat(ahead.get()).isLessThanOrEqualTo(0);
      assertThat(engine.now()).isEqualTo(7_000_000_000L);
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
