package org.dpem.protocol;

import org.dpem.protocol.message.Message;

/** Turns messages or packets into serial frames: COBS encoding followed by one 0x00 delimiter. */
public final class FrameEncoder {
  private final PacketCodec codec;

  /** @param codec the packet codec (it decides signing) */
  public FrameEncoder(PacketCodec codec) {
    this.codec = java.util.Objects.requireNonNull(codec, "codec");
  }

  /** The wire bytes of {@code m}: the packet, COBS-encoded, then 0x00. */
  public byte[] encode(int src, int dst, long seq, Message m) {
    return frame(codec.encode(src, dst, seq, m));
  }

  /** The wire bytes of {@code m} with compatible flags. */
  public byte[] encode(int src, int dst, long seq, int compatFlags, Message m) {
    return frame(codec.encode(src, dst, seq, compatFlags, m));
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
