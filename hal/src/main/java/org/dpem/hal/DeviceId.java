package org.dpem.hal;

import java.util.Objects;

/**
 * Identity of one device (a source, a memory or an analyzer), unique across the network.
 *
 * @param value the id, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
 */
public record DeviceId(String value) implements Comparable<DeviceId> {
  public DeviceId {
    Objects.requireNonNull(value, "device id");
    if (!NodeId.TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "device id '" + value + "' must be 1-64 characters of letters, digits, '_', '.', '-'");
    }
  }

  public static DeviceId of(String value) {
    return new DeviceId(value);
  }

  @Override
  public int compareTo(DeviceId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
