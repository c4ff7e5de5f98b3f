package org.dpem.protocol;

/** Little-endian reads and writes on byte arrays: every multi-byte field of FWP/1 is LE. */
public final class LittleEndian {
  private LittleEndian() {}

  /** Reads an unsigned 16-bit value. */
  public static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
  }

  /** Reads an unsigned 32-bit value. */
  public static long u32(byte[] b, int off) {
    return i32(b, off) & 0xFFFF_FFFFL;
  }

  /** Reads a 32-bit value as a Java int (bit pattern). */
  public static int i32(byte[] b, int off) {
    return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16
        | (b[off + 3] & 0xFF) << 24;
  }

  /** Reads a 64-bit value (bit pattern; u64 values above 2^63-1 come back negative). */
  public static long i64(byte[] b, int off) {
    return (i32(b, off) & 0xFFFF_FFFFL) | ((long) i32(b, off + 4)) << 32;
  }

  /** Writes the low 16 bits of {@code v}. */
  public static void putU16(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
  }

  /** Writes the low 32 bits of {@code v}. */
  public static void putU32(byte[] b, int off, long v) {
    putI32(b, off, (int) v);
  }

  /** Writes a 32-bit value. */
  public static void putI32(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) (v >>> 16);
    b[off + 3] = (byte) (v >>> 24);
  }

  /** Writes a 64-bit value. */
  public static void putI64(byte[] b, int off, long v) {
    putI32(b, off, (int) v);
    putI32(b, off + 4, (int) (v >>> 32));
  }
}
