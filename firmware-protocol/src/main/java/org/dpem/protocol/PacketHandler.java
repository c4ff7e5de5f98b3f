package org.dpem.protocol;

/** Receives what a {@link FrameDecoder} decodes. Called on the thread that feeds the decoder. */
@FunctionalInterface
public interface PacketHandler {

  /** A packet that passed every check. */
  void onPacket(Packet packet);

  /** A dropped frame or packet (already counted); by default ignored. */
  default void onReject(DecodeResult.Rejected rejected) {}
}
