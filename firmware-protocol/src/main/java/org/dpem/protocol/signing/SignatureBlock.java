package org.dpem.protocol.signing;

/**
 * Layout of the 25-byte signature block that follows the payload of a signed packet (incompat
 * flag bit 0): {@code key_id:u8 counter:u64 mac:16 bytes}. The MAC is the first 16 bytes of
 * HMAC-SHA256(key, every packet byte before the MAC), i.e. header, payload, key id and counter.
 */
public final class SignatureBlock {
  private SignatureBlock() {}

  /** Size of the block in bytes. */
  public static final int SIZE = 25;
  /** Offset of the counter within the block. */
  public static final int COUNTER_OFFSET = 1;
  /** Offset of the MAC within the block. */
  public static final int MAC_OFFSET = 9;
  /** Length of the truncated MAC. */
  public static final int MAC_SIZE = 16;
  /** Shortest key accepted, in bytes. */
  public static final int MIN_KEY_BYTES = 16;

  static javax.crypto.Mac newMac(byte[] key) {
    if (key == null || key.length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "signing key must have at least " + MIN_KEY_BYTES + " bytes");
    }
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (java.security.GeneralSecurityException e) {
      // Every Java 17 runtime ships HmacSHA256; reaching this is a broken JDK.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
