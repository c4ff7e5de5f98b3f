package org.dpem.protocol;

import org.dpem.protocol.message.Message;

/**
 * A decoded, checked packet: its header, its message and, if it was signed, the signature's key
 * id and counter.
 *
 * @param header the header as received
 * @param message the typed message
 * @param signature the signature tag, or null if the packet was not signed
 */
public record Packet(Header header, Message message, Signature signature) {

  /**
   * The key id and counter of a verified signature.
   *
   * @param keyId the key id, 0..255
   * @param counter the replay counter (u64 bit pattern)
   */
  public record Signature(int keyId, long counter) {}

  public Packet {
    java.util.Objects.requireNonNull(header, "header");
    java.util.Objects.requireNonNull(message, "message");
  }

  /** Whether the packet carried a (verified) signature. */
  public boolean signed() {
    return signature != null;
  }
}
