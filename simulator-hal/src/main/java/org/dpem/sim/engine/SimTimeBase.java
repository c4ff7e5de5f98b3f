package org.dpem.sim.engine;

import org.dpem.hal.time.TimeBase;

/**
 * Virtual time for controller code: {@link #schedule} enqueues into the engine, so a controller
 * written against {@link TimeBase} runs unchanged, deterministically and as fast as the CPU
 * allows. Tasks run on the engine's thread.
 */
public final class SimTimeBase implements TimeBase {
  private final SimEngine engine;

  SimTimeBase(SimEngine engine) {
    this.engine = engine;
  }

  @Override
  public long nowNanos() {
    return engine.now();
  }

  @Override
  public Scheduled schedule(long delayNanos, Runnable task) {
    Task t = new Task(task);
    engine.schedule(delayNanos, t, 0);
    return t;
  }

  /** The engine behind this time base. */
  public SimEngine engine() {
    return engine;
  }

  private static final class Task implements SimAction, Scheduled {
    private final Runnable task;
    private boolean done;

    Task(Runnable task) {
      this.task = java.util.Objects.requireNonNull(task, "task");
    }

    @Override
    public void fire(long arg) {
      if (!done) {
        done = true;
        task.run();
      }
    }

    @Override
    public boolean cancel() {
      if (done) {
        return false;
      }
      done = true;
      return true;
    }
  }
}
