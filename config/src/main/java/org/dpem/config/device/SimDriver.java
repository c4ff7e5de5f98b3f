package org.dpem.config.device;

/** A simulated device living in the controller's process. */
public record SimDriver() implements DriverSpec {
  @Override
  public DriverKind kind() {
    return DriverKind.SIM;
  }
}
