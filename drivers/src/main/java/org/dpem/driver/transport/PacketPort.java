package org.dpem.driver.transport;

import org.dpem.protocol.DecodeCounters;
import org.dpem.protocol.DecodeResult;
import org.dpem.protocol.Packet;
import org.dpem.protocol.message.Message;

/**
 * FWP/1 packets to and from one device over some link: serial (COBS-framed) or MQTT (one packet
 * per message, topic chosen by message type). The same interface serves the host and the device
 * firmware, so both ends share one code path.
 */
public interface PacketPort extends AutoCloseable {

  /** What a port reports, on its own threads, in arrival order. Return quickly. */
  interface Receiver {
    /** A packet that passed framing, CRC, schema and signature checks. */
    void onPacket(Packet packet);

    /** A frame or packet that was dropped (already counted in {@link #counters()}). */
    default void onReject(DecodeResult.Rejected rejected) {}

    /** The link came up (again): time to (re-)handshake. */
    void onUp();

    /** The link went down; sends fail until {@link #onUp()}. */
    void onDown(String reason);

    /**
     * The other end's presence as the broker reports it (MQTT only): a device's {@code lost} Last
     * Will, or the controller's {@code online} / {@code offline}.
     */
    default void onPeerPresence(String presence) {}
  }

  /** Announces this end's lifecycle state where the link has a place for it (MQTT retained state). */
  default void announceState(String state) {}

  /** Withdraws a retained fault once it is cleared (MQTT only). */
  default void withdrawFault() {}

  /** Starts the link; {@code receiver} gets everything from now on. */
  void start(Receiver receiver);

  /**
   * Sends one encoded packet. {@code message} is what it carries (the MQTT port picks the topic
   * by it).
   *
   * @throws LinkDownException if the link is down; nothing is queued
   */
  void send(Message message, byte[] packet) throws LinkDownException;

  boolean isUp();

  /** Frames and packets decoded and dropped, by reason. */
  DecodeCounters counters();

  /** For messages: "serial /dev/ttyUSB0", "mqtt tcp://host:1883 dpem/dev/src-1". */
  String describe();

  @Override
  void close();
}
