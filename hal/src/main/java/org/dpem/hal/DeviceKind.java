package org.dpem.hal;

/** What a device is; each kind has one capability interface. */
public enum DeviceKind {
  /** An entangled photon-pair source: {@link PairSource}. */
  SOURCE,
  /** A quantum memory with swapping, i.e. a repeater: {@link QuantumMemory}. */
  MEMORY,
  /** A Bell-state analyzer: {@link BellStateAnalyzer}. */
  ANALYZER;

  /** The lower-case name used in config files, MQTT topics and the CLI. */
  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses the lower-case (or upper-case) name. */
  public static DeviceKind parse(String s) {
    for (DeviceKind k : values()) {
      if (k.name().equalsIgnoreCase(s)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown device kind '" + s + "' (source, memory, analyzer)");
  }
}
