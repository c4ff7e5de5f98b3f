package org.dpem.hal;

/**
 * Identity of one confirmed allocation; every command that serves an allocation carries it, so
 * devices can release exactly what an allocation held and events can be matched back to it.
 *
 * @param value a positive number assigned by the controller, or 0 for {@link #NONE}
 */
public record AllocationId(long value) {
  /** For commands that serve no allocation (going safe, clearing a fault, a lab {@code set}). */
  public static final AllocationId NONE = new AllocationId(0);

  public AllocationId {
    if (value < 0) {
      throw new IllegalArgumentException("allocation id must be >= 0, got " + value);
    }
  }

  public static AllocationId of(long value) {
    return new AllocationId(value);
  }

  @Override
  public String toString() {
    return value == 0 ? "none" : "a" + value;
  }
}
