package org.dpem.protocol;

/** The outcome of decoding one packet: accepted with a {@link Packet}, or rejected with why. */
public sealed interface DecodeResult {

  /** Whether the packet was accepted. */
  boolean ok();

  /**
   * A packet that passed every check.
   *
   * @param packet the decoded packet
   */
  record Accepted(Packet packet) implements DecodeResult {
    @Override
    public boolean ok() {
      return true;
    }
  }

  /**
   * A dropped packet or frame.
   *
   * @param reason what was wrong
   * @param detail a human-readable explanation naming the field or byte
   * @param header the header if it could be read (for PROTOCOL_ERROR replies), else null
   */
  record Rejected(RejectReason reason, String detail, Header header) implements DecodeResult {
    @Override
    public boolean ok() {
      return false;
    }

    /**
     * The PROTOCOL_ERROR reply for this rejection: the reason, the dropped packet's msg_id and
     * seq (0 when the header was unreadable) and the detail cut to the 255 bytes a str8 holds.
     */
    public org.dpem.protocol.message.Message.ProtocolError toProtocolError() {
      return new org.dpem.protocol.message.Message.ProtocolError(reason,
          header == null ? 0 : header.msgId(), header == null ? 0 : header.seq(),
          fitStr8(detail));
    }

    private static String fitStr8(String s) {
      byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      if (b.length <= 255) {
        return s;
      }
      int n = 255;
      while ((b[n] & 0xC0) == 0x80) {
        n--; // do not cut a UTF-8 sequence in half
      }
      return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return reason + ": " + detail;
    }
  }
}
