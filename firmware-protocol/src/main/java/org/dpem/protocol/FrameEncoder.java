package org.dpem.protocol;

import org.dpem.protocol.message.Message;

/**
 * Turns messages or packets into serial frames: COBS encoding followed by one 0x00 delimiter.
 * Thread-safe; instance methods share scratch buffers under a lock, so give each busy sending
 * thread its own encoder.
 */
public final class FrameEncoder {
  private final PacketCodec codec;
  private final byte[] packetScratch = new byte[PacketCodec.MAX_PACKET];
  private final byte[] frameScratch = new byte[Cobs.maxEncodedLength(PacketCodec.MAX_PACKET) + 1];

  /** @param codec the packet codec (it decides signing) */
  public FrameEncoder(PacketCodec codec) {
    this.codec = java.util.Objects.requireNonNull(codec, "codec");
  }

  /** The wire bytes of {@code m}: the packet, COBS-encoded, then 0x00. */
  public byte[] encode(int src, int dst, long seq, Message m) {
    return encode(src, dst, seq, 0, m);
  }

  /** The wire bytes of {@code m} with compatible flags. */
  public synchronized byte[] encode(int src, int dst, long seq, int compatFlags, Message m) {
    int n = codec.encodeInto(src, dst, seq, compatFlags, m, packetScratch, 0);
    int w = frame(packetScratch, 0, n, frameScratch, 0);
    return java.util.Arrays.copyOf(frameScratch, w);
  }

  /** Frames a packet: COBS encoding plus the 0x00 delimiter. */
  public static byte[] frame(byte[] packet) {
    byte[] out = new byte[Cobs.maxEncodedLength(packet.length) + 1];
    int n = frame(packet, 0, packet.length, out, 0);
    return n == out.length ? out : java.util.Arrays.copyOf(out, n);
  }

  /**
   * Frames {@code len} bytes of {@code packet} into {@code out} at {@code outOff}, which needs
   * {@code Cobs.maxEncodedLength(len) + 1} bytes.
   *
   * @return the number of bytes written, delimiter included
   */
  public static int frame(byte[] packet, int off, int len, byte[] out, int outOff) {
    int n = Cobs.encode(packet, off, len, out, outOff);
    out[outOff + n] = 0;
    return n + 1;
  }
}
