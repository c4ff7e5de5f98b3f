package org.dpem.controller.admin;

import io.netty.channel.Channel;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The connections that have not authenticated yet, at most {@code max} at a time, shared by all
 * connections. A new one beyond the limit takes the place of the oldest, which is closed: a local
 * process that opens connections and never authenticates cannot keep the operator from reaching
 * {@code estop}, since the operator's fresh connection is never the one to go.
 */
final class PreAuthSlots {
  private final int max;
  private final Set<Channel> waiting = new LinkedHashSet<>();

  PreAuthSlots(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("at least one unauthenticated connection must be allowed, got " + max);
    }
    this.max = max;
  }

  /** Takes a slot for {@code ch}; returns the connection it displaced, or null. */
  synchronized Channel admit(Channel ch) {
    Channel displaced = null;
    if (waiting.size() >= max) {
      Iterator<Channel> oldest = waiting.iterator();
      displaced = oldest.next();
      oldest.remove();
    }
    waiting.add(ch);
    return displaced;
  }

  synchronized void release(Channel ch) {
    waiting.remove(ch);
  }

  synchronized int size() {
    return waiting.size();
  }
}
