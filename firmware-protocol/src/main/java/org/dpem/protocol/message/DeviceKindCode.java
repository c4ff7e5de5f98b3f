package org.dpem.protocol.message;

/** What a device is, as DEVICE_INFO carries it. Numeric codes are stable. */
public enum DeviceKindCode {
  /** An entangled photon-pair source. */
  SOURCE(1),
  /** A quantum memory with swapping (repeater). */
  MEMORY(2),
  /** A Bell-state analyzer. */
  ANALYZER(3);

  private final int code;

  DeviceKindCode(int code) {
    this.code = code;
  }

  /** The stable wire code. */
  public int code() {
    return code;
  }

  /** The value with wire code {@code code}, or null if none. */
  public static DeviceKindCode fromCode(int code) {
    for (DeviceKindCode k : values()) {
      if (k.code == code) {
        return k;
      }
    }
    return null;
  }
}
