package org.dpem.sim.engine;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A trace as bytes: every event and note is written in a fixed binary layout (big-endian longs,
 * doubles as their raw bits, UTF-8 note text) to a stream and folded into a SHA-256 digest, so
 * two runs can be compared byte for byte or by digest without keeping the bytes.
 */
public final class ByteTrace implements EventTrace {
  private final DataOutputStream out;
  private final ByteArrayOutputStream buffer;
  private final MessageDigest digest;
  private long records;

  private ByteTrace(OutputStream sink, ByteArrayOutputStream buffer) {
    this.buffer = buffer;
    try {
      this.digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by the Java platform", e);
    }
    this.out = new DataOutputStream(new java.security.DigestOutputStream(sink, digest));
  }

  /** A trace kept in memory; {@link #bytes()} returns it. */
  public static ByteTrace inMemory() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    return new ByteTrace(b, b);
  }

  /** A trace that only keeps its digest (for long runs). */
  public static ByteTrace digestOnly() {
    return new ByteTrace(OutputStream.nullOutputStream(), null);
  }

  /** A trace written to {@code sink} (the caller closes it). */
  public static ByteTrace to(OutputStream sink) {
    return new ByteTrace(sink, null);
  }

  @Override
  public void event(long timeNanos, long seq, long arg) {
    try {
      out.writeByte('E');
      out.writeLong(timeNanos);
      out.writeLong(seq);
      out.writeLong(arg);
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void note(long timeNanos, String what, double value) {
    try {
      byte[] text = what.getBytes(StandardCharsets.UTF_8);
      out.writeByte('N');
      out.writeLong(timeNanos);
      out.writeInt(text.length);
      out.write(text);
      out.writeLong(Double.doubleToLongBits(value));
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Number of events and notes written. */
  public long records() {
    return records;
  }

  /** The bytes written so far; only for {@link #inMemory()} traces. */
  public byte[] bytes() {
    if (buffer == null) {
      throw new IllegalStateException("this trace keeps no bytes; use inMemory()");
    }
    flush();
    return buffer.toByteArray();
  }

  /** Hex SHA-256 of everything written so far (the digest continues afterwards). */
  public String sha256() {
    flush();
    try {
      MessageDigest copy = (MessageDigest) digest.clone();
      return java.util.HexFormat.of().formatHex(copy.digest());
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  private void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
