package org.dpem.protocol;

/**
 * Header flag bits. A receiver drops a packet with an incompatible bit it does not know (the
 * packet cannot be read correctly without understanding it) and ignores compatible bits it does
 * not know (they only add information).
 */
public final class Flags {
  private Flags() {}

  /** Incompatible bit 0: a 25-byte signature block follows the payload. */
  public static final int INCOMPAT_SIGNED = 0x01;

  /** Every incompatible bit FWP/1 defines. */
  public static final int INCOMPAT_KNOWN = INCOMPAT_SIGNED;

  /**
   * Compatible bit 0: this packet is a retransmission of an earlier one (same {@code cmd_seq});
   * informational, for link statistics.
   */
  public static final int COMPAT_RETRANSMIT = 0x01;
}
