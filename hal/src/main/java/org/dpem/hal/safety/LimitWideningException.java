package org.dpem.hal.safety;

/** Thrown when configuration tries to allow more than the device itself allows. */
public final class LimitWideningException extends IllegalArgumentException {
  private final String parameter;

  public LimitWideningException(String parameter, String bound, double configured, double device) {
    super("configured " + bound + " of '" + parameter + "' (" + Limit.fmt(configured)
        + ") is outside the device's own " + bound + " (" + Limit.fmt(device)
        + "): configuration may only narrow a device's limits");
    this.parameter = parameter;
  }

  /** The parameter whose limit would widen. */
  public String parameter() {
    return parameter;
  }
}
