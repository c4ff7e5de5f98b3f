package org.dpem.config.device;

import java.util.List;

/**
 * What a device does, and the names of the parameters whose limits a config may narrow.
 * YAML names {@code source}, {@code memory}, {@code analyzer}.
 */
public enum DeviceKind {
  /** Entangled photon-pair source; {@code rate} in pairs/s. */
  SOURCE(List.of("rate")),
  /** Quantum memory / repeater; {@code slots} (count), {@code swap_rate} in swaps/s. */
  MEMORY(List.of("slots", "swap_rate")),
  /** Bell-state analyzer; {@code window} in seconds. */
  ANALYZER(List.of("window"));

  private final List<String> parameters;

  DeviceKind(List<String> parameters) {
    this.parameters = parameters;
  }

  /** Parameter names that may appear under {@code limits} for this kind. */
  public List<String> parameters() {
    return parameters;
  }

  /** Count-valued parameters, whose limits must be whole numbers. */
  public static boolean isCount(String parameter) {
    return "slots".equals(parameter);
  }
}
