package org.dpem.controller.hil;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.DeviceId;
import org.dpem.hal.NodeId;
import org.dpem.hal.SimpleNode;
import org.dpem.hal.TrustedNode;
import org.dpem.hal.event.DeviceEventListener;

/**
 * The controller's device directory when some devices are reached over serial or MQTT: the
 * simulated world's nodes, with each device that stands behind a remote one hidden and the remote
 * one in its place. The hidden devices' events reach the controller only over the wire.
 */
final class MixedDirectory implements DeviceDirectory {
  private final DeviceDirectory world;
  private final Set<DeviceId> hidden;
  private final List<? extends Device> remote;
  private final Map<NodeId, TrustedNode> nodes = new LinkedHashMap<>();

  /**
   * @param world the simulated network
   * @param hidden ids of world devices replaced by remote ones
   * @param remote the remote devices
   */
  MixedDirectory(DeviceDirectory world, Set<DeviceId> hidden, List<? extends Device> remote) {
    this.world = world;
    this.hidden = Set.copyOf(hidden);
    this.remote = List.copyOf(remote);
    for (TrustedNode n : world.nodes()) {
      List<Device> devices = new ArrayList<>();
      for (Device d : n.devices()) {
        if (!this.hidden.contains(d.id())) {
          devices.add(d);
        }
      }
      for (Device d : remote) {
        if (d.node().equals(n.id())) {
          devices.add(d);
        }
      }
      nodes.put(n.id(), new SimpleNode(n.id(), devices));
    }
  }

  @Override
  public Collection<? extends TrustedNode> nodes() {
    return nodes.values();
  }

  @Override
  public Optional<? extends TrustedNode> node(NodeId id) {
    return Optional.ofNullable(nodes.get(id));
  }

  @Override
  public Optional<Device> device(DeviceId id) {
    for (Device d : remote) {
      if (d.id().equals(id)) {
        return Optional.of(d);
      }
    }
    return hidden.contains(id) ? Optional.empty() : world.device(id);
  }

  @Override
  public Subscription subscribe(DeviceEventListener listener) {
    List<Subscription> subs = new ArrayList<>();
    subs.add(world.subscribe(e -> {
      if (!hidden.contains(e.device())) {
        listener.onEvent(e);
      }
    }));
    for (Device d : remote) {
      subs.add(d.subscribe(listener));
    }
    return () -> subs.forEach(Subscription::close);
  }
}
