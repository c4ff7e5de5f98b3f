package org.dpem.controller.hil;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.dpem.hal.time.TimeBase;
import org.dpem.sim.engine.SimEngine;

/**
 * Keeps the simulator's virtual time from running ahead of a wall clock, for runs in which
 * equipment takes part: the engine advances in slices to the elapsed wall time and parks in
 * between. The engine and the devices' time base then read the same nanoseconds, so deadlines the
 * control loop computes mean the same thing on the wire.
 */
public final class WallPacer {
  private final TimeBase wall;
  private final long sliceNanos;

  /**
   * @param wall the clock the devices use; the engine is kept at or behind its reading
   * @param sliceNanos how long to park between advances (bounds how late a posted command runs)
   */
  public WallPacer(TimeBase wall, long sliceNanos) {
    this.wall = wall;
    this.sliceNanos = sliceNanos;
  }

  /** Brings the engine up to the wall clock at once (after a slow start-up). */
  public void catchUp(SimEngine engine) {
    engine.runUntil(wall.nowNanos());
  }

  /**
   * Like {@link SimEngine#runUntil(long, BooleanSupplier)}, paced.
   *
   * @return true if {@code stop} ended the run
   */
  public boolean runUntil(SimEngine engine, long endNanos, BooleanSupplier stop) {
    while (true) {
      long target = Math.min(endNanos, wall.nowNanos());
      if (engine.runUntil(target, stop)) {
        return true;
      }
      if (engine.now() >= endNanos) {
        return false;
      }
      LockSupport.parkNanos(sliceNanos);
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        return true;
      }
    }
  }
}
