package org.dpem.config;

/** A closed interval of integers; YAML forms as for {@link Range}. */
public record IntRange(int min, int max) {

  public IntRange {
    if (min > max) throw new IllegalArgumentException("range min " + min + " > max " + max);
  }
}
