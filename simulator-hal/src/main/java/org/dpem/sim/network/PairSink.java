package org.dpem.sim.network;

import org.dpem.hal.event.DeviceEvent;

/**
 * Receives delivered end-to-end pairs as live objects (simulation only): the application side
 * that holds a pair after delivery and may read it later, e.g. after a hold time, with
 * {@link Pair#fidelityAt(long)} including the decay meanwhile.
 */
@FunctionalInterface
public interface PairSink {
  void delivered(Pair pair, DeviceEvent.PairDelivered event);
}
