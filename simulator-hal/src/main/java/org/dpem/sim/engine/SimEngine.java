package org.dpem.sim.engine;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event engine: virtual time in integer nanoseconds and one event queue ordered by
 * (time, insertion sequence), so events at the same instant run in the order they were
 * scheduled and a run is a pure function of its seed.
 *
 * <p>The queue is a 4-ary heap over primitive arrays (time and sequence interleaved, argument)
 * plus an array of actions; scheduling allocates nothing once the arrays have grown to the run's
 * peak queue length. Not thread-safe: everything runs on the thread that calls {@code run*}; other
 * threads hand work in with {@link #post}.
 */
public final class SimEngine {
  private static final int INITIAL_CAPACITY = 1024;

  private long now;
  private long nextSeq;
  private long fired;
  private int size;
  /** (time, sequence) of entry i at [2i] and [2i+1]: one cache line holds four siblings' keys. */
  private long[] keys = new long[2 * INITIAL_CAPACITY];
  private long[] args = new long[INITIAL_CAPACITY];
  private SimAction[] actions = new SimAction[INITIAL_CAPACITY];
  private EventTrace trace;
  private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> posted =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private volatile boolean hasPosted;
  private final RandomStreams randoms;
  private final SimTimeBase timeBase;

  public SimEngine(long seed) {
    this.randoms = new RandomStreams(seed);
    this.timeBase = new SimTimeBase(this);
  }

  /** Virtual time now, nanoseconds since the start of the run. */
  public long now() {
    return now;
  }

  /** The seed every random stream of this run derives from. */
  public long seed() {
    return randoms.seed();
  }

  /** Per-component random streams of this run. */
  public RandomStreams randoms() {
    return randoms;
  }

  /** This engine's time as a {@link org.dpem.hal.time.TimeBase}, for controller code. */
  public SimTimeBase timeBase() {
    return timeBase;
  }

  /** Events run so far. */
  public long eventsFired() {
    return fired;
  }

  /** Events waiting in the queue (cancelled controller tasks included until they fall due). */
  public int pending() {
    return size;
  }

  /** Starts (or with null, stops) tracing every event and note. */
  public void trace(EventTrace t) {
    this.trace = t;
  }

  /** Whether a trace is attached, so components can skip building notes nobody records. */
  public boolean tracing() {
    return trace != null;
  }

  /** Adds a component's note to the trace, if any. */
  public void note(String what, double value) {
    if (trace != null) {
      trace.note(now, what, value);
    }
  }

  /** Runs {@code action.fire(arg)} {@code delayNanos} from now (negative counts as 0). */
  public void schedule(long delayNanos, SimAction action, long arg) {
    scheduleAt(now + Math.max(0, delayNanos), action, arg);
  }

  /** Runs {@code action.fire(arg)} at absolute virtual time {@code atNanos} (not before now). */
  public void scheduleAt(long atNanos, SimAction action, long arg) {
    if (atNanos < now) {
      throw new IllegalArgumentException("cannot schedule at " + atNanos + " ns: now is " + now);
    }
    if (size == args.length) {
      grow();
    }
    long seq = nextSeq++;
    int i = size++;
    long[] k = keys;
    while (i > 0) {
      int p = (i - 1) >>> 2;
      long tp = k[2 * p];
      if (tp < atNanos || (tp == atNanos && k[2 * p + 1] < seq)) {
        break;
      }
      k[2 * i] = tp;
      k[2 * i + 1] = k[2 * p + 1];
      args[i] = args[p];
      actions[i] = actions[p];
      i = p;
    }
    k[2 * i] = atNanos;
    k[2 * i + 1] = seq;
    args[i] = arg;
    actions[i] = action;
  }

  /**
   * Hands {@code task} to the engine from any thread: it runs on the engine's thread at the
   * current virtual time, before the next event (or at the next {@code run*} call). This is the
   * only engine method that is thread-safe; use it to reach simulated devices from, say, an
   * admin socket's threads. Its timing depends on when the other thread calls, so runs that use
   * it are not reproducible from the seed alone.
   */
  public void post(Runnable task) {
    posted.add(java.util.Objects.requireNonNull(task, "task"));
    hasPosted = true;
  }

  private void drainPosted() {
    hasPosted = false;
    for (Runnable r = posted.poll(); r != null; r = posted.poll()) {
      r.run();
    }
  }

  /** Time of the next event, or {@link Long#MAX_VALUE} if none. */
  public long nextEventTime() {
    return size == 0 ? Long.MAX_VALUE : keys[0];
  }

  /** Runs the next event; false if the queue is empty. */
  public boolean step() {
    if (hasPosted) {
      drainPosted();
    }
    if (size == 0) {
      return false;
    }
    long t = keys[0];
    long seq = keys[1];
    long arg = args[0];
    SimAction action = actions[0];
    int last = --size;
    if (last > 0) {
      siftDownFromRoot(keys[2 * last], keys[2 * last + 1], args[last], actions[last], last);
    }
    actions[last] = null;
    now = t;
    fired++;
    if (trace != null) {
      trace.event(t, seq, arg);
    }
    action.fire(arg);
    return true;
  }

  /**
   * Runs every event due at or before {@code endNanos}, then sets the time to {@code endNanos}.
   *
   * @return the number of events run
   */
  public long runUntil(long endNanos) {
    long before = fired;
    if (hasPosted) {
      drainPosted();
    }
    while (size > 0 && keys[0] <= endNanos) {
      step();
    }
    if (endNanos > now) {
      now = endNanos;
    }
    return fired - before;
  }

  /** Runs for {@code nanos} of virtual time. */
  public long runFor(long nanos) {
    return runUntil(now + nanos);
  }

  /**
   * Runs events until {@code stop} says so (checked after every event), the queue empties, or
   * time would pass {@code endNanos}.
   *
   * @return true if {@code stop} ended the run
   */
  public boolean runUntil(long endNanos, BooleanSupplier stop) {
    if (hasPosted) {
      drainPosted();
    }
    if (stop.getAsBoolean()) {
      return true;
    }
    while (size > 0 && keys[0] <= endNanos) {
      step();
      if (stop.getAsBoolean()) {
        return true;
      }
    }
    if (endNanos > now && endNanos != Long.MAX_VALUE) {
      now = endNanos;
    }
    return false;
  }

  private void siftDownFromRoot(long t, long seq, long arg, SimAction action, int n) {
    long[] k = keys;
    int i = 0;
    while (true) {
      int first = 4 * i + 1;
      if (first >= n) {
        break;
      }
      int c = first;
      long tc = k[2 * c];
      long sc = k[2 * c + 1];
      int end = Math.min(first + 4, n);
      for (int j = first + 1; j < end; j++) {
        long tj = k[2 * j];
        if (tj < tc || (tj == tc && k[2 * j + 1] < sc)) {
          c = j;
          tc = tj;
          sc = k[2 * j + 1];
        }
      }
      if (t < tc || (t == tc && seq < sc)) {
        break;
      }
      k[2 * i] = tc;
      k[2 * i + 1] = sc;
      args[i] = args[c];
      actions[i] = actions[c];
      i = c;
    }
    k[2 * i] = t;
    k[2 * i + 1] = seq;
    args[i] = arg;
    actions[i] = action;
  }

  private void grow() {
    int n = args.length * 2;
    keys = Arrays.copyOf(keys, 2 * n);
    args = Arrays.copyOf(args, n);
    actions = Arrays.copyOf(actions, n);
  }
}
