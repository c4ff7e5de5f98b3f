package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Conditions operator calls wait for (a device confirming SAFE, say), checked once per epoch on
 * the loop thread, each with a deadline on the time base. Loop thread only.
 */
final class Waits {
  private record Wait(BooleanSupplier done, long deadlineNanos, Runnable then) {}

  private final List<Wait> waits = new ArrayList<>();

  /** Runs {@code then} now if {@code done} holds or {@code now} is past the deadline, else at the first epoch where one is. */
  void await(BooleanSupplier done, long now, long deadlineNanos, Runnable then) {
    if (done.getAsBoolean() || now >= deadlineNanos) {
      then.run();
    } else {
      waits.add(new Wait(done, deadlineNanos, then));
    }
  }

  void check(long now) {
    for (Iterator<Wait> it = waits.iterator(); it.hasNext(); ) {
      Wait w = it.next();
      if (w.done().getAsBoolean() || now >= w.deadlineNanos()) {
        it.remove();
        w.then().run();
      }
    }
  }
}
