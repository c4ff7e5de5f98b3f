package org.dpem.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts decoded frames and each kind of error. Updated by one decoding thread, readable from any
 * thread (for metrics and diagnostics).
 */
public final class DecodeCounters {
  private static final RejectReason[] REASONS = RejectReason.values();
  private static final int ACCEPTED = REASONS.length;
  private static final int FRAMES = ACCEPTED + 1;
  private static final int BYTES = ACCEPTED + 2;
  private static final int EMPTY = ACCEPTED + 3;

  private final AtomicLongArray c = new AtomicLongArray(ACCEPTED + 4);

  /** Records the outcome of one packet decode. */
  public void record(DecodeResult r) {
    if (r instanceof DecodeResult.Rejected rej) {
      reject(rej.reason());
    } else {
      c.incrementAndGet(ACCEPTED);
    }
  }

  /** Records one rejection. */
  public void reject(RejectReason reason) {
    c.incrementAndGet(reason.ordinal());
  }

  void frame() {
    c.incrementAndGet(FRAMES);
  }

  void bytes(int n) {
    c.addAndGet(BYTES, n);
  }

  void empty() {
    c.incrementAndGet(EMPTY);
  }

  /** Packets accepted. */
  public long accepted() {
    return c.get(ACCEPTED);
  }

  /** Frames or packets dropped for {@code reason}. */
  public long count(RejectReason reason) {
    return c.get(reason.ordinal());
  }

  /** Frames or packets dropped for any reason. */
  public long rejected() {
    long n = 0;
    for (int i = 0; i < REASONS.length; i++) {
      n += c.get(i);
    }
    return n;
  }

  /** Non-empty frames seen (delimited byte runs), valid or not. */
  public long frames() {
    return c.get(FRAMES);
  }

  /** Bytes fed to the decoder. */
  public long bytes() {
    return c.get(BYTES);
  }

  /** Empty frames (two delimiters in a row), which are legal idle filler and not errors. */
  public long emptyFrames() {
    return c.get(EMPTY);
  }

  /** All counters by name (lower-case reason names plus accepted, frames, bytes, empty_frames). */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("frames", frames());
    m.put("accepted", accepted());
    m.put("rejected", rejected());
    for (RejectReason r : REASONS) {
      m.put(r.name().toLowerCase(java.util.Locale.ROOT), count(r));
    }
    m.put("bytes", bytes());
    m.put("empty_frames", emptyFrames());
    return m;
  }

  @Override
  public String toString() {
    return snapshot().toString();
  }
}
