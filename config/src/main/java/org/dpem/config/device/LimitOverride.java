package org.dpem.config.device;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A config's narrowing of one device parameter's limits. Every part is optional; what is given
 * may only tighten what the device itself reports. The loader rejects what is wrong on its face
 * (negative values, min above max, a step of zero); whether a value would widen the device's own
 * limits is only known once the device has reported them, so {@link #narrow} checks that.
 */
public record LimitOverride(OptionalDouble min, OptionalDouble max, OptionalDouble step) {

  public static final LimitOverride NONE = new LimitOverride(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

  /**
   * Applies this override to a device's own limits. Parts that would widen them are not applied
   * and are listed in {@link Narrowed#refused()}, so the caller can refuse or warn by name.
   */
  public Narrowed narrow(double deviceMin, double deviceMax, double deviceStep) {
    List<String> refused = new ArrayList<>();
    double lo = deviceMin;
    double hi = deviceMax;
    double st = deviceStep;
    if (min.isPresent()) {
      if (min.getAsDouble() < deviceMin) refused.add("min " + min.getAsDouble() + " is below the device's min " + deviceMin);
      else lo = min.getAsDouble();
    }
    if (max.isPresent()) {
      if (max.getAsDouble() > deviceMax) refused.add("max " + max.getAsDouble() + " is above the device's max " + deviceMax);
      else hi = max.getAsDouble();
    }
    if (step.isPresent()) {
      double s = step.getAsDouble();
      // A coarser step narrows the set of reachable values only if it is a multiple of the device's.
      boolean multiple = deviceStep <= 0 || Math.abs(s / deviceStep - Math.rint(s / deviceStep)) < 1e-9;
      if (s < deviceStep || !multiple) refused.add("step " + s + " is not a multiple of the device's step " + deviceStep);
      else st = s;
    }
    if (lo > hi) {
      refused.add("narrowed range [" + lo + ", " + hi + "] is empty");
      lo = deviceMin;
      hi = deviceMax;
    }
    return new Narrowed(lo, hi, st, List.copyOf(refused));
  }

  /** Effective limits after narrowing, and what was refused because it would widen them. */
  public record Narrowed(double min, double max, double step, List<String> refused) {
    public boolean widened() {
      return !refused.isEmpty();
    }
  }
}
