package org.dpem.controller.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses durations such as {@code 600s}, {@code 10m}, {@code 1h}, {@code 250ms} or {@code 90} (seconds) into seconds. */
final class DurationConverter implements ITypeConverter<Double> {
  @Override
  public Double convert(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    double unit = 1;
    String num = v;
    if (v.endsWith("ms")) {
      unit = 1e-3;
      num = v.substring(0, v.length() - 2);
    } else if (v.endsWith("s")) {
      num = v.substring(0, v.length() - 1);
    } else if (v.endsWith("m")) {
      unit = 60;
      num = v.substring(0, v.length() - 1);
    } else if (v.endsWith("h")) {
      unit = 3600;
      num = v.substring(0, v.length() - 1);
    }
    double d;
    try {
      d = Double.parseDouble(num) * unit;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a duration (examples: 600s, 10m, 1h, 250ms)");
    }
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new TypeConversionException("duration must be positive, got '" + value + "'");
    }
    return d;
  }
}
