package org.dpem.protocol.message;

import java.nio.charset.StandardCharsets;
import org.dpem.protocol.Crc32c;
import org.dpem.protocol.RejectReason;

/**
 * The schema hash host and firmware compare at handshake (HELLO / DEVICE_INFO): CRC-32C of the
 * schema text, which lists every message layout and every wire enum with its codes. Two sides
 * with the same hash read every field and code the same way; a device that sees a different hash
 * becomes read-only.
 */
public final class Schema {
  /** The protocol version carried in every header and in HELLO. */
  public static final int PROTOCOL_VERSION = 1;

  private static final String TEXT = buildText();
  private static final int HASH = Crc32c.of(TEXT.getBytes(StandardCharsets.UTF_8));

  private Schema() {}

  /** The schema text, one line per message and per enum, each line ending in '\n'. */
  public static String text() {
    return TEXT;
  }

  /** CRC-32C of the UTF-8 schema text. */
  public static int hash() {
    return HASH;
  }

  private static String buildText() {
    StringBuilder sb = new StringBuilder("FWP/").append(PROTOCOL_VERSION).append('\n');
    for (MessageType t : MessageType.values()) {
      sb.append(t.id()).append(' ').append(t.layout()).append('\n');
    }
    sb.append("ACK");
    for (AckCode c : AckCode.values()) {
      sb.append(' ').append(c.name()).append('=').append(c.code());
    }
    sb.append("\nSTATE");
    for (DeviceStateCode c : DeviceStateCode.values()) {
      sb.append(' ').append(c.name()).append('=').append(c.code());
    }
    sb.append("\nKIND");
    for (DeviceKindCode c : DeviceKindCode.values()) {
      sb.append(' ').append(c.name()).append('=').append(c.code());
    }
    sb.append("\nREJECT");
    for (RejectReason c : RejectReason.values()) {
      sb.append(' ').append(c.name()).append('=').append(c.code());
    }
    sb.append('\n');
    return sb.toString();
  }
}
