package org.dpem.protocol.signing;

import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import org.dpem.protocol.LittleEndian;
import org.dpem.protocol.RejectReason;

/**
 * Checks signature blocks and rejects replays: for each (key id, sender address) the counter must
 * be strictly greater (unsigned) than the last one accepted. A receiver without history accepts
 * the first counter at or above its floor ({@link #setFloor}), so seed the floor from a clock or
 * persisted state to refuse packets recorded before a restart. Thread-safe.
 */
public final class SignatureVerifier {
  private final Map<Integer, Mac> keys = new HashMap<>();
  private final Map<Integer, Long> lastCounter = new HashMap<>();
  private final byte[] full = new byte[32];
  private long floor;

  /** Adds (or replaces) the key with id {@code keyId} (0..255), at least 16 bytes. */
  public synchronized SignatureVerifier addKey(int keyId, byte[] key) {
    if (keyId < 0 || keyId > 255) {
      throw new IllegalArgumentException("key id must be 0..255, got " + keyId);
    }
    keys.put(keyId, SignatureBlock.newMac(key));
    return this;
  }

  /** Counters below {@code floor} (unsigned) are refused as replays even without history. */
  public synchronized SignatureVerifier setFloor(long floor) {
    this.floor = floor;
    return this;
  }

  /** The last counter accepted from {@code src} with {@code keyId}, or -1 if none. */
  public synchronized long lastCounter(int keyId, int src) {
    Long c = lastCounter.get(keyId << 8 | src);
    return c == null ? -1 : c;
  }

  /**
   * Verifies the signature block at {@code blockOff} of the packet starting at {@code start},
   * sent by {@code src}. On success records the counter.
   *
   * @return null if the signature is good and fresh, else UNKNOWN_KEY, BAD_SIGNATURE or REPLAY
   */
  public synchronized RejectReason verify(byte[] buf, int start, int blockOff, int src) {
    int keyId = buf[blockOff] & 0xFF;
    Mac mac = keys.get(keyId);
    if (mac == null) {
      return RejectReason.UNKNOWN_KEY;
    }
    mac.update(buf, start, blockOff + SignatureBlock.MAC_OFFSET - start);
    try {
      mac.doFinal(full, 0);
    } catch (ShortBufferException e) {
      throw new IllegalStateException(e);
    }
    byte[] got = new byte[SignatureBlock.MAC_SIZE];
    System.arraycopy(buf, blockOff + SignatureBlock.MAC_OFFSET, got, 0, got.length);
    byte[] want = java.util.Arrays.copyOf(full, SignatureBlock.MAC_SIZE);
    if (!MessageDigest.isEqual(got, want)) {
      return RejectReason.BAD_SIGNATURE;
    }
    long counter = LittleEndian.i64(buf, blockOff + SignatureBlock.COUNTER_OFFSET);
    int slot = keyId << 8 | src;
    Long last = lastCounter.get(slot);
    if (Long.compareUnsigned(counter, floor) < 0
        || (last != null && Long.compareUnsigned(counter, last) <= 0)) {
      return RejectReason.REPLAY;
    }
    lastCounter.put(slot, counter);
    return null;
  }
}
