package org.dpem.sim.firmware;

import java.util.EnumSet;
import java.util.Set;
import org.dpem.protocol.Addresses;
import org.dpem.protocol.DecodeResult;
import org.dpem.protocol.Header;
import org.dpem.protocol.RejectReason;
import org.dpem.protocol.message.MessageType;

/**
 * Which dropped packets firmware answers with a PROTOCOL_ERROR (PROTOCOL.md section 7): only one
 * whose header can be trusted, that was addressed to this device, and that was not itself a
 * PROTOCOL_ERROR; and at most {@value #PER_SECOND} answers in any second, so line noise or a
 * flood of bad packets cannot make the device flood the link back.
 */
final class ProtocolErrorReplies {
  static final int PER_SECOND = 10;
  private static final long SECOND = 1_000_000_000L;
  /** A frame failing these checks has a header that cannot be trusted: count it, answer nothing. */
  private static final Set<RejectReason> UNTRUSTED = EnumSet.of(RejectReason.BAD_COBS,
      RejectReason.FRAME_TOO_LONG, RejectReason.TOO_SHORT, RejectReason.BAD_CRC);

  private final int address;
  /** Times of the last answers, oldest first around {@link #next}. */
  private final long[] sent = new long[PER_SECOND];
  private int next;
  private long suppressed;

  ProtocolErrorReplies(int address) {
    this.address = address;
    java.util.Arrays.fill(sent, Long.MIN_VALUE / 2);
  }

  /** Whether to answer {@code r} now; counts the answer if so. */
  boolean answer(DecodeResult.Rejected r, long nowNanos) {
    Header h = r.header();
    if (h == null || UNTRUSTED.contains(r.reason())
        || (h.dst() != address && h.dst() != Addresses.BROADCAST)
        || h.msgId() == MessageType.PROTOCOL_ERROR.id()) {
      return false;
    }
    if (nowNanos - sent[next] < SECOND) {
      suppressed++;
      return false;
    }
    sent[next] = nowNanos;
    next = (next + 1) % sent.length;
    return true;
  }

  /** Answers withheld by the rate limit so far. */
  long suppressed() {
    return suppressed;
  }
}
