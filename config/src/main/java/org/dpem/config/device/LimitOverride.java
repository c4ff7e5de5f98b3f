package org.dpem.config.device;

import java.util.OptionalDouble;

/**
 * A config's narrowing of one device parameter's limits. Every part is optional; what is given
 * may only tighten what the device itself reports. The loader rejects what is wrong on its face
 * (negative values, min above max, a step of zero); whether a value would widen the device's own
 * limits is only known once the device has reported them: the controller turns this into a
 * {@code org.dpem.hal.safety.Limit} with open bounds left infinite and lets the HAL narrow the
 * device's limits by it, refusing the device if configuration would widen them.
 */
public record LimitOverride(OptionalDouble min, OptionalDouble max, OptionalDouble step) {

  public static final LimitOverride NONE = new LimitOverride(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

  /** The configured minimum, or -infinity when the device's own minimum stands. */
  public double minOrOpen() {
    return min.orElse(Double.NEGATIVE_INFINITY);
  }

  /** The configured maximum, or +infinity when the device's own maximum stands. */
  public double maxOrOpen() {
    return max.orElse(Double.POSITIVE_INFINITY);
  }

  /** The configured step, or 0 when the device's own step stands. */
  public double stepOrOpen() {
    return step.orElse(0);
  }
}
