package org.dpem.protocol.message;

import java.nio.charset.StandardCharsets;
import org.dpem.protocol.LittleEndian;

/** Writes payload fields into a buffer sized beforehand by {@link MessageCodec#payloadSize}. */
final class PayloadWriter {
  private final byte[] buf;
  private int pos;

  PayloadWriter(byte[] buf, int off) {
    this.buf = buf;
    this.pos = off;
  }

  void u8(int v) {
    buf[pos++] = (byte) v;
  }

  void u16(int v) {
    LittleEndian.putU16(buf, pos, v);
    pos += 2;
  }

  void u32(long v) {
    LittleEndian.putU32(buf, pos, v);
    pos += 4;
  }

  void i64(long v) {
    LittleEndian.putI64(buf, pos, v);
    pos += 8;
  }

  void f64(double v) {
    i64(Double.doubleToRawLongBits(v));
  }

  void bool(boolean v) {
    buf[pos++] = (byte) (v ? 1 : 0);
  }

  void str8(String s) {
    int n = s.length();
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      buf[pos++] = (byte) n;
      for (int i = 0; i < n; i++) {
        buf[pos++] = (byte) s.charAt(i);
      }
    } else {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      buf[pos++] = (byte) b.length;
      System.arraycopy(b, 0, buf, pos, b.length);
      pos += b.length;
    }
  }

  int position() {
    return pos;
  }

  /** The encoded size of a str8 field holding {@code s}. */
  static int str8Size(String s) {
    return 1 + Check.utf8Length(s);
  }
}
