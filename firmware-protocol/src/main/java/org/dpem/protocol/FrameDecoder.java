package org.dpem.protocol;

/**
 * Streaming decoder for a serial byte stream: accepts bytes in any chunking, splits frames at
 * 0x00, COBS-decodes and checks each, and hands good packets to a {@link PacketHandler}. Bad
 * frames are counted in {@link #counters()} and reported to the handler, never thrown. Garbage
 * costs at most the frame it lands in: decoding resumes after the next delimiter. A frame longer
 * than the limit is discarded up to its delimiter. Not thread-safe: feed from one thread.
 */
public final class FrameDecoder {
  /** Default limit on one encoded frame (without its delimiter), in bytes. */
  public static final int DEFAULT_MAX_FRAME = 1024;

  private final PacketCodec codec;
  private final PacketHandler handler;
  private final byte[] buf;
  private final DecodeCounters counters = new DecodeCounters();
  private int len;
  private boolean overflow;

  /** A decoder with the default frame limit. */
  public FrameDecoder(PacketCodec codec, PacketHandler handler) {
    this(codec, DEFAULT_MAX_FRAME, handler);
  }

  /**
   * @param codec checks and decodes packets
   * @param maxFrameBytes the longest encoded frame accepted, without delimiter (at least 16)
   * @param handler receives packets and rejections
   */
  public FrameDecoder(PacketCodec codec, int maxFrameBytes, PacketHandler handler) {
    if (maxFrameBytes < PacketCodec.MIN_PACKET) {
      throw new IllegalArgumentException(
          "maxFrameBytes must be at least " + PacketCodec.MIN_PACKET + ", got " + maxFrameBytes);
    }
    this.codec = java.util.Objects.requireNonNull(codec, "codec");
    this.handler = java.util.Objects.requireNonNull(handler, "handler");
    this.buf = new byte[maxFrameBytes];
  }

  /** Feeds all of {@code data}. */
  public void feed(byte[] data) {
    feed(data, 0, data.length);
  }

  /**
   * Feeds {@code n} bytes of {@code data} from {@code off}. Handler callbacks run inside this
   * call; if one throws, the exception propagates and the rest of this chunk is not decoded (the
   * decoder itself stays consistent).
   */
  public void feed(byte[] data, int off, int n) {
    counters.bytes(n);
    int end = off + n;
    int i = off;
    while (i < end) {
      int z = i;
      while (z < end && data[z] != 0) {
        z++;
      }
      int run = z - i;
      if (z == end) {
        append(data, i, run);
        return;
      }
      if (len == 0 && !overflow && run > 0 && run <= buf.length) {
        // The whole frame is in this chunk: decode straight from the caller's bytes.
        counters.frame();
        decodeFrame(data, i, run);
      } else {
        append(data, i, run);
        endOfFrame();
      }
      i = z + 1;
    }
  }

  private void append(byte[] data, int from, int n) {
    if (overflow) {
      return;
    }
    if (n > buf.length - len) {
      overflow = true;
      int room = buf.length - len;
      System.arraycopy(data, from, buf, len, room);
      len = buf.length;
      return;
    }
    System.arraycopy(data, from, buf, len, n);
    len += n;
  }

  private void endOfFrame() {
    if (overflow) {
      int had = len;
      len = 0;
      overflow = false;
      counters.frame();
      rejected(new DecodeResult.Rejected(RejectReason.FRAME_TOO_LONG,
          "frame longer than " + buf.length + " bytes (" + had + " kept) dropped", null));
    } else if (len == 0) {
      counters.empty();
    } else {
      int frameLen = len;
      len = 0;
      counters.frame();
      decodeFrame(buf, 0, frameLen);
    }
  }

  private void decodeFrame(byte[] src, int from, int frameLen) {
    // Frames never contain 0x00 (it ends them), so COBS decoding skips that check.
    int packetLen = Cobs.decodeZeroFree(src, from, frameLen, buf, 0);
    if (packetLen < 0) {
      rejected(new DecodeResult.Rejected(RejectReason.BAD_COBS,
          "frame of " + frameLen + " bytes is not a canonical COBS encoding", null));
      return;
    }
    DecodeResult r = codec.decode(buf, 0, packetLen);
    if (r instanceof DecodeResult.Accepted a) {
      counters.record(r);
      handler.onPacket(a.packet());
    } else {
      rejected((DecodeResult.Rejected) r);
    }
  }

  private void rejected(DecodeResult.Rejected r) {
    counters.reject(r.reason());
    handler.onReject(r);
  }

  /** Drops any partial frame (e.g. after the port was reopened). */
  public void reset() {
    len = 0;
    overflow = false;
  }

  /** Bytes of the current, unfinished frame. */
  public int pending() {
    return len;
  }

  /** The counters of this decoder. */
  public DecodeCounters counters() {
    return counters;
  }
}
