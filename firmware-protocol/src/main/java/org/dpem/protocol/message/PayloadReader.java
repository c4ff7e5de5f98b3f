package org.dpem.protocol.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.dpem.protocol.LittleEndian;

/** Reads payload fields in order; every failure names the field and its payload offset. */
final class PayloadReader {
  private final byte[] buf;
  private final int start;
  private final int end;
  private int pos;

  PayloadReader(byte[] buf, int off, int len) {
    this.buf = buf;
    this.start = off;
    this.end = off + len;
    this.pos = off;
  }

  private void need(String field, int n) throws MalformedPayloadException {
    need(field, -1, n);
  }

  /** {@code index} >= 0 fills the "[]" of a list field's name, only when reporting an error. */
  private void need(String field, int index, int n) throws MalformedPayloadException {
    if (end - pos < n) {
      throw new MalformedPayloadException("field '" + name(field, index) + "' at payload offset "
          + (pos - start) + " needs " + n + " bytes, " + (end - pos) + " left");
    }
  }

  private static String name(String field, int index) {
    return index < 0 ? field : field.replace("[]", "[" + index + "]");
  }

  int u8(String field) throws MalformedPayloadException {
    need(field, 1);
    return buf[pos++] & 0xFF;
  }

  int u16(String field) throws MalformedPayloadException {
    need(field, 2);
    int v = LittleEndian.u16(buf, pos);
    pos += 2;
    return v;
  }

  long u32(String field) throws MalformedPayloadException {
    need(field, 4);
    long v = LittleEndian.u32(buf, pos);
    pos += 4;
    return v;
  }

  int i32(String field) throws MalformedPayloadException {
    need(field, 4);
    int v = LittleEndian.i32(buf, pos);
    pos += 4;
    return v;
  }

  /** A u64 the host keeps as a non-negative long. */
  long u63(String field) throws MalformedPayloadException {
    need(field, 8);
    long v = LittleEndian.i64(buf, pos);
    if (v < 0) {
      throw new MalformedPayloadException("field '" + field + "' at payload offset " + (pos - start)
          + " is " + Long.toUnsignedString(v) + ", above 2^63-1");
    }
    pos += 8;
    return v;
  }

  double f64(String field) throws MalformedPayloadException {
    return f64(field, -1);
  }

  double f64(String field, int index) throws MalformedPayloadException {
    need(field, index, 8);
    double v = Double.longBitsToDouble(LittleEndian.i64(buf, pos));
    pos += 8;
    return v;
  }

  boolean bool(String field) throws MalformedPayloadException {
    int at = pos - start;
    int v = u8(field);
    if (v > 1) {
      throw new MalformedPayloadException(
          "field '" + field + "' at payload offset " + at + " is " + v + ", a bool must be 0 or 1");
    }
    return v == 1;
  }

  String str8(String field) throws MalformedPayloadException {
    return str8(field, -1);
  }

  String str8(String field, int index) throws MalformedPayloadException {
    int at = pos - start;
    need(field, index, 1);
    int n = buf[pos++] & 0xFF;
    need(field, index, n);
    boolean ascii = true;
    for (int i = pos; i < pos + n; i++) {
      if (buf[i] < 0) {
        ascii = false;
        break;
      }
    }
    String s;
    if (ascii) {
      s = new String(buf, pos, n, StandardCharsets.ISO_8859_1);
    } else {
      try {
        s = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(buf, pos, n))
            .toString();
      } catch (CharacterCodingException e) {
        throw new MalformedPayloadException(
            "field '" + name(field, index) + "' at payload offset " + at + " is not valid UTF-8");
      }
    }
    pos += n;
    return s;
  }

  /** Fails if bytes are left over after the last field. */
  void end(String message) throws MalformedPayloadException {
    if (pos != end) {
      throw new MalformedPayloadException(
          message + ": " + (end - pos) + " bytes left after the last field");
    }
  }

  int offset() {
    return pos - start;
  }
}
