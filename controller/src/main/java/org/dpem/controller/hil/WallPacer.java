package org.dpem.controller.hil;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.dpem.hal.time.TimeBase;
import org.dpem.sim.engine.SimEngine;

/**
 * Keeps the simulator's virtual time from running ahead of a wall clock, for runs in which
 * equipment takes part: the engine advances in slices to the elapsed wall time and parks in
 * between. The engine and the devices' time base then read the same nanoseconds, so deadlines the
 * control loop computes mean the same thing on the wire.
 */
public final class WallPacer {
  private final LongSupplier allowed;
  private final long sliceNanos;

  /**
   * @param wall the clock the devices use; the engine is kept at or behind its reading
   * @param sliceNanos how long to park between advances (bounds how late a posted command runs)
   */
  public WallPacer(TimeBase wall, long sliceNanos) {
    this(wall::nowNanos, sliceNanos);
  }

  private WallPacer(LongSupplier allowed, long sliceNanos) {
    this.allowed = allowed;
    this.sliceNanos = sliceNanos;
  }

  /**
   * Paces a simulation with no equipment at {@code speed} simulated seconds per second of
   * {@code wall}, starting from the engine's present time.
   */
  public static WallPacer atSpeed(TimeBase wall, double speed, SimEngine engine, long sliceNanos) {
    long wall0 = wall.nowNanos();
    long virtual0 = engine.now();
    return new WallPacer(() -> virtual0 + (long) ((wall.nowNanos() - wall0) * speed), sliceNanos);
  }

  /** Brings the engine up to the wall clock at once (after a slow start-up). */
  public void catchUp(SimEngine engine) {
    engine.runUntil(allowed.getAsLong());
  }

  /**
   * Like {@link SimEngine#runUntil(long, BooleanSupplier)}, paced.
   *
   * @return true if {@code stop} ended the run
   */
  public boolean runUntil(SimEngine engine, long endNanos, BooleanSupplier stop) {
    while (true) {
      long target = Math.min(endNanos, allowed.getAsLong());
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
