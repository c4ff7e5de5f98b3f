package org.dpem.hal.event;

/** Anything that emits device events: one device, a node, or the whole network. */
public interface EventSource {
  /** Starts delivering events to {@code listener} until the returned subscription is closed. */
  Subscription subscribe(DeviceEventListener listener);

  /** An active subscription; closing it twice is harmless. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }
}
