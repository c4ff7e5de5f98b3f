package org.dpem.driver.session;

import org.dpem.protocol.message.Message;

/**
 * The device clock's offset from the host's (PROTOCOL.md 10.6). A heartbeat's timestamp gives a
 * rough value until the first TIME_SYNC exchange; after that the estimate is the offset of the
 * exchange with the smallest round trip among the last {@value #KEEP}, since queueing delay is
 * what spoils an NTP-style estimate and the fastest exchange holds the least of it.
 *
 * <p>Each exchange bounds the true offset to within half its round trip. When the newest bound
 * and the current estimate's bound do not overlap, the device clock has stepped (or drifted past
 * what the window can hide): the older exchanges no longer describe it and are dropped.
 */
final class ClockOffset {
  static final int KEEP = 8;

  private final long[] offsets = new long[KEEP];
  private final long[] roundTrips = new long[KEEP];
  private int samples;
  private volatile long offsetMicros;
  private volatile boolean measured;

  /** Device minus host, microseconds. */
  long micros() {
    return offsetMicros;
  }

  /** Whether a TIME_SYNC exchange has completed (otherwise the value is a heartbeat's guess). */
  boolean measured() {
    return measured;
  }

  /** A device timestamp seen at host time {@code hostMicros}: used only until a real exchange. */
  synchronized void guess(long deviceMicros, long hostMicros) {
    if (!measured) {
      offsetMicros = deviceMicros - hostMicros;
    }
  }

  /** A TIME_SYNC response received at host time {@code t4Micros}. */
  synchronized void exchange(Message.TimeSync response, long t4Micros) {
    long rtt = response.roundTripMicros(t4Micros);
    if (rtt < 0) {
      return; // a response to a request from before a restart of either clock
    }
    long offset = response.offsetMicros(t4Micros);
    if (measured && Math.abs(offset - offsetMicros) * 2 > rtt + roundTrips[best()]) {
      samples = 0;
    }
    int slot = samples % KEEP;
    offsets[slot] = offset;
    roundTrips[slot] = rtt;
    samples++;
    offsetMicros = offsets[best()];
    measured = true;
  }

  private int best() {
    int best = 0;
    for (int i = 1; i < Math.min(samples, KEEP); i++) {
      if (roundTrips[i] < roundTrips[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Forgets every exchange (the device restarted: its clock began again). */
  synchronized void reset() {
    samples = 0;
    measured = false;
  }
}
