package org.dpem.hal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identity of a trusted node (one site of the network). Ids are short printable tokens so they
 * can appear in MQTT topics, journal records and admin commands unchanged.
 *
 * @param value the id, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
 */
public record NodeId(String value) implements Comparable<NodeId> {
  static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public NodeId {
    Objects.requireNonNull(value, "node id");
    if (!TOKEN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "node id '" + value + "' must be 1-64 characters of letters, digits, '_', '.', '-'");
    }
  }

  public static NodeId of(String value) {
    return new NodeId(value);
  }

  @Override
  public int compareTo(NodeId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
