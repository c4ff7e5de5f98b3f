package org.dpem.hal.time;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Wall-clock time for runs against equipment: {@link System#nanoTime()} measured from
 * construction, and one daemon scheduler thread. Scheduled tasks must be short; long work belongs
 * on the caller's own executor.
 */
public final class WallClockTimeBase implements TimeBase, AutoCloseable {
  private final long origin = System.nanoTime();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "dpem-wallclock");
            t.setDaemon(true);
            return t;
          });

  @Override
  public long nowNanos() {
    return System.nanoTime() - origin;
  }

  @Override
  public Scheduled schedule(long delayNanos, Runnable task) {
    ScheduledFuture<?> f = scheduler.schedule(task, Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
