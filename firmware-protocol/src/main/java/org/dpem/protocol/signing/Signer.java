package org.dpem.protocol.signing;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import org.dpem.protocol.LittleEndian;

/**
 * Signs outgoing packets with one key. The counter starts at the value given and increases by one
 * per packet; it must never repeat for a key across restarts, so seed it from a clock (for
 * example microseconds since the Unix epoch) or from persisted state. Thread-safe.
 */
public final class Signer {
  private final int keyId;
  private final Mac mac;
  private final byte[] full = new byte[32];
  private long counter;

  /**
   * @param keyId the key id (0..255) receivers look the key up by
   * @param key the shared secret, at least 16 bytes (32 recommended)
   * @param firstCounter the counter of the first signed packet
   */
  public Signer(int keyId, byte[] key, long firstCounter) {
    if (keyId < 0 || keyId > 255) {
      throw new IllegalArgumentException("key id must be 0..255, got " + keyId);
    }
    this.keyId = keyId;
    this.mac = SignatureBlock.newMac(key);
    this.counter = firstCounter;
  }

  /** The key id written into signature blocks. */
  public int keyId() {
    return keyId;
  }

  /** The counter the next packet will carry. */
  public synchronized long peekCounter() {
    return counter;
  }

  /**
   * Fills the signature block at {@code blockOff}: key id, the next counter, and the MAC over
   * {@code buf[start .. blockOff + 9)}.
   *
   * @return the counter used
   */
  public synchronized long sign(byte[] buf, int start, int blockOff) {
    long c = counter++;
    buf[blockOff] = (byte) keyId;
    LittleEndian.putI64(buf, blockOff + SignatureBlock.COUNTER_OFFSET, c);
    mac.update(buf, start, blockOff + SignatureBlock.MAC_OFFSET - start);
    try {
      mac.doFinal(full, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    System.arraycopy(full, 0, buf, blockOff + SignatureBlock.MAC_OFFSET, SignatureBlock.MAC_SIZE);
    return c;
  }
}
