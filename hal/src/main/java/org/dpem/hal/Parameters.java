package org.dpem.hal;

/**
 * Names of the settable parameters, shared by limits, commands, configuration files and the wire
 * protocol's parameter descriptors. A device publishes a {@link org.dpem.hal.safety.Limit} for
 * each parameter it supports.
 */
public final class Parameters {
  /** Source emission rate, pairs per second. */
  public static final String RATE = "rate";
  /** Number of memory slots one allocation may hold. */
  public static final String SLOTS = "slots";
  /** Entanglement swaps per second a repeater performs. */
  public static final String SWAP_RATE = "swap_rate";
  /** Analyzer coincidence window, seconds. */
  public static final String WINDOW = "window";

  private Parameters() {}
}
