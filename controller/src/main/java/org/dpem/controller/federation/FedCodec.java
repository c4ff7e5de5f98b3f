package org.dpem.controller.federation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dpem.learning.federated.ClientUpdate;
import org.dpem.protocol.RejectReason;
import org.dpem.protocol.signing.SignatureBlock;
import org.dpem.protocol.signing.SignatureVerifier;
import org.dpem.protocol.signing.Signer;

/**
 * The federation messages' bytes (PROTOCOL.md, "Federation"): a little-endian frame
 * {@code 'D' 'F' version kind round:u64 body}, then the FWP/1 signature block (key id, counter,
 * truncated HMAC-SHA256 over every byte before the MAC), so signing and replay rejection are the
 * device protocol's own.
 */
final class FedCodec {
  static final int VERSION = 1;
  static final int ROUND = 1;
  static final int UPDATE = 2;
  /** Most parameters one message may carry (16 MiB of floats; the embedded broker's limit fits it). */
  static final int MAX_DIMS = 1 << 22;
  private static final int HEADER = 12;

  private FedCodec() {}

  /** A message that could not be read or was not authentic. */
  static final class Rejected extends Exception {
    Rejected(String message) {
      super(message);
    }
  }

  static byte[] encodeRound(RoundAnnouncement r, Signer signer) {
    List<byte[]> ids = r.participants().stream().map(FedCodec::id).toList();
    int size = HEADER + 4 + 2 + ids.stream().mapToInt(b -> 1 + b.length).sum() + 4 + 4 * r.weights().length
        + SignatureBlock.SIZE;
    ByteBuffer b = header(size, ROUND, r.round());
    b.putInt((int) Math.min(r.timeoutMs(), 0xFFFF_FFFFL));
    if (ids.size() > 0xFFFF) {
      throw new IllegalArgumentException("a round may name at most 65535 participants, got " + ids.size());
    }
    b.putShort((short) ids.size());
    for (byte[] id : ids) {
      b.put((byte) id.length).put(id);
    }
    putFloats(b, r.weights());
    return sign(b, signer);
  }

  static byte[] encodeUpdate(ClientUpdate u, Signer signer) {
    byte[] id = id(u.agent());
    ByteBuffer b = header(HEADER + 1 + id.length + 4 + 4 * u.delta().length + SignatureBlock.SIZE, UPDATE, u.round());
    b.put((byte) id.length).put(id);
    putFloats(b, u.delta());
    return sign(b, signer);
  }

  /** The kind byte of a frame long enough to have one, else -1. */
  static int kind(byte[] m) {
    return m.length >= HEADER + SignatureBlock.SIZE && m[0] == 'D' && m[1] == 'F' ? m[3] & 0xFF : -1;
  }

  /** The key id the frame claims to be signed with. */
  static int keyId(byte[] m) {
    return m[m.length - SignatureBlock.SIZE] & 0xFF;
  }

  /**
   * Checks that {@code m} is a frame of {@code kind} in this version, before anything is read
   * from it.
   *
   * @throws Rejected if it is not
   */
  static void requireKind(byte[] m, int kind) throws Rejected {
    if (kind(m) != kind) {
      throw new Rejected("not a federation message of kind " + kind);
    }
    if ((m[2] & 0xFF) != VERSION) {
      throw new Rejected("unsupported version " + (m[2] & 0xFF));
    }
  }

  /**
   * Checks the signature and freshness of a frame of {@code kind}; replay state is per key id.
   *
   * @throws Rejected with the reason
   */
  static void verify(byte[] m, int kind, SignatureVerifier verifier) throws Rejected {
    requireKind(m, kind);
    RejectReason why = verifier.verify(m, 0, m.length - SignatureBlock.SIZE, kind);
    if (why != null) {
      throw new Rejected(why.name());
    }
  }

  static RoundAnnouncement decodeRound(byte[] m) throws Rejected {
    ByteBuffer b = body(m);
    try {
      long round = b.getLong();
      long timeout = Integer.toUnsignedLong(b.getInt());
      int n = Short.toUnsignedInt(b.getShort());
      List<String> ids = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        ids.add(readId(b));
      }
      float[] w = readFloats(b);
      return new RoundAnnouncement(round, ids, w, timeout);
    } catch (java.nio.BufferUnderflowException e) {
      throw new Rejected("truncated round");
    }
  }

  static ClientUpdate decodeUpdate(byte[] m) throws Rejected {
    ByteBuffer b = body(m);
    try {
      long round = b.getLong();
      String agent = readId(b);
      return new ClientUpdate(agent, round, readFloats(b));
    } catch (java.nio.BufferUnderflowException e) {
      throw new Rejected("truncated update");
    }
  }

  private static byte[] id(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    if (b.length == 0 || b.length > 255) {
      throw new IllegalArgumentException("agent id must be 1 to 255 bytes, got '" + s + "'");
    }
    return b;
  }

  private static ByteBuffer header(int size, int kind, long round) {
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    return b.put((byte) 'D').put((byte) 'F').put((byte) VERSION).put((byte) kind).putLong(round);
  }

  private static void putFloats(ByteBuffer b, float[] v) {
    if (v.length > MAX_DIMS) {
      throw new IllegalArgumentException("at most " + MAX_DIMS + " parameters per message, got " + v.length);
    }
    b.putInt(v.length);
    b.asFloatBuffer().put(v);
    b.position(b.position() + 4 * v.length);
  }

  private static byte[] sign(ByteBuffer b, Signer signer) {
    byte[] m = b.array();
    signer.sign(m, 0, m.length - SignatureBlock.SIZE);
    return m;
  }

  /** The frame after the 4-byte preamble, up to the signature block, positioned at the round. */
  private static ByteBuffer body(byte[] m) {
    return ByteBuffer.wrap(m, 4, m.length - 4 - SignatureBlock.SIZE).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static String readId(ByteBuffer b) throws Rejected {
    int len = Byte.toUnsignedInt(b.get());
    if (len == 0) {
      throw new Rejected("empty agent id");
    }
    byte[] id = new byte[len];
    b.get(id);
    return new String(id, StandardCharsets.UTF_8);
  }

  private static float[] readFloats(ByteBuffer b) throws Rejected {
    int n = b.getInt();
    if (n < 0 || n > MAX_DIMS || n * 4L != b.remaining()) {
      throw new Rejected("parameter count " + n + " does not match the " + b.remaining() + " bytes left");
    }
    float[] v = new float[n];
    b.asFloatBuffer().get(v);
    return v;
  }
}
