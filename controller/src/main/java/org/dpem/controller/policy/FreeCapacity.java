package org.dpem.controller.policy;

import org.dpem.controller.reserve.Usage;

/** A policy's own running copy of free capacity while it plans one epoch. */
final class FreeCapacity {
  private final double[] free;

  FreeCapacity(ResourceView view) {
    this.free = view.freeCopy();
  }

  /** The largest factor (capped at 1) by which {@code u}'s rate fits; 0 if its memory does not. */
  double fit(Usage u) {
    double scale = 1;
    for (int i = 0; i < u.resources().length; i++) {
      double f = free[u.resources()[i]];
      double a = u.amounts()[i];
      if (!u.scalable()[i]) {
        if (a > f + 1e-9) {
          return 0;
        }
      } else if (a > 0) {
        scale = Math.min(scale, f / a);
      }
    }
    return Math.max(0, scale);
  }

  void take(Usage u) {
    for (int i = 0; i < u.resources().length; i++) {
      free[u.resources()[i]] -= u.amounts()[i];
    }
  }
}
