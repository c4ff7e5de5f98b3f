package org.dpem.hal.event;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Delivers events to every subscribed listener in subscription order. A listener that throws is
 * reported to the error handler and the others still get the event, so one bad consumer cannot
 * blind the controller.
 */
public final class EventFanout implements EventSource, DeviceEventListener {
  private final CopyOnWriteArrayList<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();
  private final java.util.function.BiConsumer<DeviceEvent, RuntimeException> onListenerError;

  public EventFanout(java.util.function.BiConsumer<DeviceEvent, RuntimeException> onListenerError) {
    this.onListenerError = onListenerError;
  }

  /** A fan-out that logs listener failures through the JDK's platform logger. */
  public EventFanout() {
    this((e, ex) -> System.getLogger(EventFanout.class.getName())
        .log(System.Logger.Level.ERROR, "event listener failed on " + e, ex));
  }

  @Override
  public Subscription subscribe(DeviceEventListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  @Override
  public void onEvent(DeviceEvent event) {
    for (DeviceEventListener l : listeners) {
      try {
        l.onEvent(event);
      } catch (RuntimeException ex) {
        onListenerError.accept(event, ex);
      }
    }
  }

  /** Whether anyone listens; lets hot paths skip building events nobody reads. */
  public boolean hasListeners() {
    return !listeners.isEmpty();
  }
}
