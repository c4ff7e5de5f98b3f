package org.dpem.sim.firmware;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.dpem.protocol.message.Message.CommandAck;

/**
 * The firmware's memory of recent commands (PROTOCOL.md 10.2): the final answer of the last
 * {@code capacity} {@code cmd_seq}s, the ones still executing, and how often each was executed
 * (for tests that check nothing ran twice). Used from the firmware's own thread only, except for
 * {@link #maxExecutions()}.
 */
final class ResultCache {
  private final Map<Long, CommandAck> done;
  private final Set<Long> running = new HashSet<>();
  private final Map<Long, Integer> executions = new ConcurrentHashMap<>();

  ResultCache(int capacity) {
    this.done = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, CommandAck> e) {
        return size() > capacity;
      }
    };
  }

  /** The final answer for {@code cmdSeq}, or null. */
  CommandAck answer(long cmdSeq) {
    return done.get(cmdSeq);
  }

  boolean running(long cmdSeq) {
    return running.contains(cmdSeq);
  }

  /** {@code cmdSeq} starts executing on the device. */
  void started(long cmdSeq) {
    running.add(cmdSeq);
    executions.merge(cmdSeq, 1, Integer::sum);
    if (executions.size() > 100_000) {
      executions.clear();
    }
  }

  /** {@code cmdSeq} has its final answer (executed or refused). */
  void finished(long cmdSeq, CommandAck ack) {
    running.remove(cmdSeq);
    done.put(cmdSeq, ack);
  }

  /** The most times one {@code cmd_seq} was executed. */
  int maxExecutions() {
    return executions.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }
}
