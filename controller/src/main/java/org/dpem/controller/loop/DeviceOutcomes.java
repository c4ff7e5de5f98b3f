package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceId;
import org.dpem.hal.event.DeviceEvent;

/**
 * What device events mean for allocations: a delivered pair counts for its request (from one
 * analyzer per allocation), a device that fails or leaves service ends the allocations through
 * its node. Loop thread only.
 */
final class DeviceOutcomes {
  private final ControlLoop loop;
  private final Map<Long, DeviceId> reporter = new HashMap<>();

  DeviceOutcomes(ControlLoop loop) {
    this.loop = loop;
  }

  /** Drops what it kept about an allocation that ended. */
  void forget(Allocation a) {
    reporter.remove(a.id());
  }

  void handle(DeviceEvent e) {
    if (e instanceof DeviceEvent.PairDelivered p) {
      delivered(p);
      return;
    }
    loop.markTopologyDirty();
    Device d = loop.devices.device(e.device()).orElse(null);
    if (d == null) {
      return;
    }
    String why;
    if (e instanceof DeviceEvent.StateChanged s) {
      if (s.to().usable()) {
        return;
      }
      why = "device " + s.device() + " went " + s.to() + (s.reason().isEmpty() ? "" : " (" + s.reason() + ")");
    } else {
      DeviceEvent.Fault f = (DeviceEvent.Fault) e;
      why = "device " + f.device() + " fault " + f.code() + ": " + f.message();
    }
    for (Allocation a : new ArrayList<>(loop.active.values())) {
      if (a.path().nodes().contains(d.node())) {
        loop.reroute(a, why, e.timeNanos());
      }
    }
  }

  private void delivered(DeviceEvent.PairDelivered p) {
    Allocation a = loop.active.get(p.allocation().value());
    if (a == null) {
      loop.metrics.lowFidelityPair();
      return;
    }
    // Count each allocation's pairs from one analyzer only, whichever reports first.
    DeviceId first = reporter.putIfAbsent(a.id(), p.device());
    if (first != null && !first.equals(p.device())) {
      return;
    }
    TrackedRequest t = a.request();
    if (p.fidelity() < t.request().minFidelity() || p.timeNanos() > t.request().deadlineNanos()) {
      loop.metrics.lowFidelityPair();
      return;
    }
    a.countUseful();
    loop.book.delivered(t, p.fidelity(), p.timeNanos());
    if (t.remaining() <= 0) {
      loop.finish(t, RequestState.DELIVERED, null, "", p.timeNanos());
    }
  }

}
