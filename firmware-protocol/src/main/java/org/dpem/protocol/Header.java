package org.dpem.protocol;

/**
 * The fixed 12-byte little-endian packet header of FWP/1.
 *
 * <pre>
 * offset size field
 *  0     1    version         (1 for FWP/1)
 *  1     1    incompat_flags  (unknown bits: drop the packet)
 *  2     1    compat_flags    (unknown bits: ignore)
 *  3     1    src             (sender address; 0 = host)
 *  4     1    dst             (receiver address; 0xFF = broadcast)
 *  5     1    msg_id
 *  6     4    seq             (u32, per sender, +1 per packet, wraps)
 *  10    2    payload_len     (u16)
 * </pre>
 *
 * @param version protocol version, 0..255
 * @param incompatFlags incompatible flag bits, see {@link Flags}
 * @param compatFlags compatible flag bits, see {@link Flags}
 * @param src sender address, 0..255
 * @param dst receiver address, 0..255
 * @param msgId message id, 0..255 (see {@link org.dpem.protocol.message.MessageType})
 * @param seq packet sequence number, 0..2^32-1
 * @param payloadLen payload length in bytes, 0..65535
 */
public record Header(
    int version, int incompatFlags, int compatFlags, int src, int dst, int msgId, long seq,
    int payloadLen) {

  /** Header size in bytes. */
  public static final int SIZE = 12;

  public Header {
    checkU8("version", version);
    checkU8("incompat_flags", incompatFlags);
    checkU8("compat_flags", compatFlags);
    checkU8("src", src);
    checkU8("dst", dst);
    checkU8("msg_id", msgId);
    if (seq < 0 || seq > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("seq must be a u32, got " + seq);
    }
    if (payloadLen < 0 || payloadLen > 0xFFFF) {
      throw new IllegalArgumentException("payload_len must be a u16, got " + payloadLen);
    }
  }

  /** Whether the packet carries a signature block. */
  public boolean signed() {
    return (incompatFlags & Flags.INCOMPAT_SIGNED) != 0;
  }

  /** Reads a header from {@code buf} at {@code off}; the caller ensures 12 bytes are there. */
  public static Header read(byte[] buf, int off) {
    return new Header(
        buf[off] & 0xFF,
        buf[off + 1] & 0xFF,
        buf[off + 2] & 0xFF,
        buf[off + 3] & 0xFF,
        buf[off + 4] & 0xFF,
        buf[off + 5] & 0xFF,
        LittleEndian.u32(buf, off + 6),
        LittleEndian.u16(buf, off + 10));
  }

  /** Writes this header into {@code buf} at {@code off} (12 bytes). */
  public void write(byte[] buf, int off) {
    buf[off] = (byte) version;
    buf[off + 1] = (byte) incompatFlags;
    buf[off + 2] = (byte) compatFlags;
    buf[off + 3] = (byte) src;
    buf[off + 4] = (byte) dst;
    buf[off + 5] = (byte) msgId;
    LittleEndian.putU32(buf, off + 6, seq);
    LittleEndian.putU16(buf, off + 10, payloadLen);
  }

  private static void checkU8(String field, int v) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException(field + " must be a u8, got " + v);
    }
  }
}
