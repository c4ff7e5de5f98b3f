package org.dpem.hal.event;

/**
 * Receives device events. Called on the device's own thread (or the simulator's): return
 * quickly and hand longer work to your own executor.
 */
@FunctionalInterface
public interface DeviceEventListener {
  void onEvent(DeviceEvent event);
}
