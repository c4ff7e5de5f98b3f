package org.dpem.sim.engine;

/**
 * Receives every event the engine runs and the notes components add (heralds, swaps,
 * deliveries), for determinism checks and debugging. Implementations must not read the wall
 * clock or anything else that differs between two runs with the same seed.
 */
public interface EventTrace {
  /** An event ran at {@code timeNanos}; {@code seq} is its insertion sequence number. */
  void event(long timeNanos, long seq, long arg);

  /** A component's note, e.g. {@code ("herald n1-n2", 0.93)}. */
  void note(long timeNanos, String what, double value);
}
