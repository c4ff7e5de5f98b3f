package org.dpem.hal.safety;

import java.util.Objects;
import java.util.Optional;

/**
 * The allowed range of one settable parameter, as the device itself publishes it.
 *
 * @param parameter the parameter name (see {@link org.dpem.hal.Parameters})
 * @param min smallest allowed value
 * @param max largest allowed value
 * @param step values must be {@code min + n * step}; 0 means any value in range
 * @param maxRatePerSecond largest allowed change per second between two accepted settings;
 *     {@code Double.POSITIVE_INFINITY} means no rate limit
 * @param unit unit for messages and descriptors, e.g. {@code "pairs/s"}
 */
public record Limit(
    String parameter, double min, double max, double step, double maxRatePerSecond, String unit) {

  /** Tolerance for step checks, relative to the step, so decimal steps like 0.1 work. */
  private static final double STEP_TOLERANCE = 1e-9;

  public Limit {
    Objects.requireNonNull(parameter, "parameter");
    unit = unit == null ? "" : unit;
    if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
      throw new IllegalArgumentException(
          "limit '" + parameter + "': min " + min + " must not exceed max " + max);
    }
    if (!(step >= 0) || Double.isInfinite(step)) {
      throw new IllegalArgumentException("limit '" + parameter + "': step must be finite and >= 0");
    }
    if (!(maxRatePerSecond > 0)) {
      throw new IllegalArgumentException("limit '" + parameter + "': max rate of change must be > 0");
    }
  }

  /** A plain range with no step and no rate-of-change limit. */
  public static Limit range(String parameter, double min, double max, String unit) {
    return new Limit(parameter, min, max, 0, Double.POSITIVE_INFINITY, unit);
  }

  /** Why {@code value} is not allowed, or empty if it is. Rate of change is checked elsewhere. */
  public Optional<String> violation(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Optional.of(parameter + "=" + value + " is not a finite number");
    }
    if (value < min) {
      return Optional.of(parameter + "=" + fmt(value) + " is below min " + fmt(min) + suffix());
    }
    if (value > max) {
      return Optional.of(parameter + "=" + fmt(value) + " exceeds max " + fmt(max) + suffix());
    }
    if (step > 0) {
      double n = (value - min) / step;
      if (Math.abs(n - Math.rint(n)) > STEP_TOLERANCE * Math.max(1, Math.abs(n))) {
        return Optional.of(parameter + "=" + fmt(value) + " is not on the step " + fmt(step)
            + " from " + fmt(min) + suffix());
      }
    }
    return Optional.empty();
  }

  /**
   * This limit narrowed by {@code configured}, which must lie within it: configuration may only
   * narrow what the hardware allows, never widen it. Bounds the configuration leaves open
   * (an infinite min, max or rate of change, a step of 0) keep the device's value.
   *
   * @throws LimitWideningException naming the bound that would widen
   */
  public Limit narrowedBy(Limit configured) {
    if (!parameter.equals(configured.parameter)) {
      throw new IllegalArgumentException(
          "cannot narrow '" + parameter + "' with a limit for '" + configured.parameter + "'");
    }
    double newMin = configured.min == Double.NEGATIVE_INFINITY ? min : configured.min;
    double newMax = configured.max == Double.POSITIVE_INFINITY ? max : configured.max;
    double newRate = Double.isInfinite(configured.maxRatePerSecond)
        ? maxRatePerSecond : configured.maxRatePerSecond;
    if (newMin < min) {
      throw new LimitWideningException(parameter, "min", newMin, min);
    }
    if (newMax > max) {
      throw new LimitWideningException(parameter, "max", newMax, max);
    }
    if (newRate > maxRatePerSecond) {
      throw new LimitWideningException(parameter, "max rate of change", newRate, maxRatePerSecond);
    }
    double newStep = configured.step == 0 ? step : configured.step;
    if (step > 0 && configured.step > 0) {
      double n = configured.step / step;
      if (Math.abs(n - Math.rint(n)) > STEP_TOLERANCE * n) {
        throw new LimitWideningException(parameter, "step", configured.step, step);
      }
    }
    if (newMin > newMax) {
      throw new IllegalArgumentException("configured limit of '" + parameter + "' leaves no value: min "
          + fmt(newMin) + " > max " + fmt(newMax));
    }
    return new Limit(parameter, newMin, newMax, newStep, newRate, unit);
  }

  private String suffix() {
    return unit.isEmpty() ? "" : " " + unit;
  }

  static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
