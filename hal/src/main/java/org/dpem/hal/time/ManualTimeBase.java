package org.dpem.hal.time;

import java.util.PriorityQueue;

/**
 * A time base that moves only when told to: for tests of time-dependent logic (rate-of-change
 * limits, deadlines, heartbeats) without sleeping. Tasks run on the thread that calls
 * {@link #advance(long)}, in time order, ties in scheduling order. Not thread-safe.
 */
public final class ManualTimeBase implements TimeBase {
  private record Entry(long at, long seq, Runnable task) {}

  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>(
          (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private long now;
  private long seq;

  @Override
  public long nowNanos() {
    return now;
  }

  @Override
  public Scheduled schedule(long delayNanos, Runnable task) {
    Entry e = new Entry(now + Math.max(0, delayNanos), seq++, task);
    queue.add(e);
    return () -> queue.remove(e);
  }

  /** Moves time forward by {@code nanos}, running every task that falls due on the way. */
  public void advance(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("time cannot go back: " + nanos);
    }
    long until = now + nanos;
    while (!queue.isEmpty() && queue.peek().at <= until) {
      Entry e = queue.poll();
      now = e.at;
      e.task.run();
    }
    now = until;
  }
}
