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

    @Override
    public String toString() {
      return reason + ": " + detail;
    }
  }
}
