package org.dpem.config;

/**
 * A closed interval of reals, written in YAML as {@code [min, max]}, {@code {min: .., max: ..}} or
 * a single number (min = max). Used for values drawn per node or per request.
 */
public record Range(double min, double max) {

  public Range {
    if (!(min <= max)) throw new IllegalArgumentException("range min " + min + " > max " + max);
  }

  public static Range of(double value) {
    return new Range(value, value);
  }

  public double width() {
    return max - min;
  }

  /** The point at fraction {@code u} in [0, 1] of the interval; maps a uniform draw into it. */
  public double at(double u) {
    return min + u * (max - min);
  }
}
