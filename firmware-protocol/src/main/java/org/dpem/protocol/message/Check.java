package org.dpem.protocol.message;

/** Argument checks shared by the message records, so every constructed message is encodable. */
final class Check {
  private Check() {}

  static int u8(String field, int v) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException(field + " must be 0..255, got " + v);
    }
    return v;
  }

  static int u16(String field, int v) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException(field + " must be 0..65535, got " + v);
    }
    return v;
  }

  static long u32(String field, long v) {
    if (v < 0 || v > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(field + " must be 0..4294967295, got " + v);
    }
    return v;
  }

  /** u64 fields that the host treats as non-negative Java longs (ids and times). */
  static long u63(String field, long v) {
    if (v < 0) {
      throw new IllegalArgumentException(field + " must be 0..2^63-1, got " + v);
    }
    return v;
  }

  static String str8(String field, String s) {
    if (s == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    int n = utf8Length(s);
    if (n < 0) {
      throw new IllegalArgumentException(field + " is not well-formed Unicode (lone surrogate)");
    }
    if (n > 255) {
      throw new IllegalArgumentException(field + " is " + n + " UTF-8 bytes, at most 255 allowed");
    }
    return s;
  }

  static <T> T notNull(String field, T v) {
    if (v == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return v;
  }

  /** The UTF-8 length of {@code s}, or -1 if it holds a lone surrogate. */
  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        if (i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
          n += 4;
          i++;
        } else {
          return -1;
        }
      } else if (Character.isLowSurrogate(c)) {
        return -1;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
