package org.dpem.protocol;

/**
 * Consistent Overhead Byte Stuffing: removes every 0x00 from a packet so 0x00 can delimit frames
 * on a byte stream. The encoding is canonical (one encoding per input): a block of 254 non-zero
 * bytes gets code 0xFF and no implied zero, and no empty block follows a final 0xFF block. The
 * decoder accepts only canonical encodings, so {@code encode(decode(x))} equals {@code x} for
 * every accepted {@code x}. Overhead is at most one byte per 254 bytes, plus one.
 */
public final class Cobs {
  /** Runs shorter than this are copied byte by byte. */
  private static final int SHORT_RUN = 32;

  private Cobs() {}

  /** The largest encoded length for {@code n} input bytes (no delimiter). */
  public static int maxEncodedLength(int n) {
    return n + n / 254 + 1;
  }

  /** The canonical encoding of {@code in}, without the trailing 0x00 delimiter. */
  public static byte[] encode(byte[] in) {
    byte[] out = new byte[maxEncodedLength(in.length)];
    int n = encode(in, 0, in.length, out, 0);
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Encodes {@code len} bytes of {@code in} from {@code off} into {@code out} at {@code outOff},
   * which needs room for {@link #maxEncodedLength(int)} bytes.
   *
   * @return the number of bytes written
   */
  public static int encode(byte[] in, int off, int len, byte[] out, int outOff) {
    // Copies each run of non-zero bytes with arraycopy; the scan is the only per-byte work.
    int end = off + len;
    int w = outOff;
    int r = off;
    while (true) {
      int runEnd = r;
      int limit = Math.min(end, r + 254);
      while (runEnd < limit && in[runEnd] != 0) {
        runEnd++;
      }
      int n = runEnd - r;
      if (n == 254) {
        out[w++] = (byte) 0xFF;
        System.arraycopy(in, r, out, w, 254);
        w += 254;
        r = runEnd;
        if (r == end) {
          // Canonical form: a final full block carries no empty block after it.
          return w - outOff;
        }
        continue;
      }
      out[w++] = (byte) (n + 1);
      if (n < SHORT_RUN) {
        for (int i = r; i < runEnd; i++) {
          out[w++] = in[i];
        }
      } else {
        System.arraycopy(in, r, out, w, n);
        w += n;
      }
      if (runEnd == end) {
        return w - outOff;
      }
      r = runEnd + 1; // skip the zero this block stands for
    }
  }

  /**
   * Decodes a canonical encoding of {@code len} bytes from {@code off} into {@code out} at
   * {@code outOff} (which needs {@code len - 1} bytes of room; decoding in place with
   * {@code out == in} and {@code outOff <= off} is allowed).
   *
   * @return the decoded length, or -1 if the input is not a canonical COBS encoding (empty, a
   *     0x00 inside, a block running past the end, or a non-canonical empty final block)
   */
  public static int decode(byte[] in, int off, int len, byte[] out, int outOff) {
    for (int i = off, end = off + len; i < end; i++) {
      if (in[i] == 0) {
        return -1;
      }
    }
    return decodeZeroFree(in, off, len, out, outOff);
  }

  /** {@link #decode(byte[], int, int, byte[], int)} for input already known to hold no 0x00. */
  static int decodeZeroFree(byte[] in, int off, int len, byte[] out, int outOff) {
    if (len == 0) {
      return -1;
    }
    int r = off;
    int end = off + len;
    int w = outOff;
    int prevCode = 0;
    while (r < end) {
      int code = in[r] & 0xFF;
      int blockEnd = r + code;
      if (blockEnd > end || (blockEnd == end && code == 1 && prevCode == 0xFF)) {
        return -1;
      }
      int n = code - 1;
      if (n < SHORT_RUN) {
        // Packets are full of small integers, so most blocks are a few bytes long, where a
        // plain loop beats arraycopy's call overhead.
        for (int i = r + 1; i < blockEnd; i++) {
          out[w++] = in[i];
        }
      } else {
        System.arraycopy(in, r + 1, out, w, n);
        w += n;
      }
      r = blockEnd;
      if (code != 0xFF && r < end) {
        out[w++] = 0;
      }
      prevCode = code;
    }
    return w - outOff;
  }

  /**
   * Decodes a canonical encoding.
   *
   * @throws IllegalArgumentException if {@code in} is not a canonical COBS encoding
   */
  public static byte[] decode(byte[] in) {
    byte[] out = new byte[Math.max(0, in.length - 1)];
    int n = decode(in, 0, in.length, out, 0);
    if (n < 0) {
      throw new IllegalArgumentException("not a canonical COBS encoding (" + in.length + " bytes)");
    }
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }
}
