package org.dpem.config.device;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every device of every node. A node listed under {@code devices} in the config has exactly the
 * devices listed there; every other node gets {@link DeviceSpec#simulatedDefaults(String)}.
 */
public final class DeviceCatalog {

  private final Map<String, List<DeviceSpec>> byNode;
  private final Map<String, List<DeviceSpec>> explicit;

  /**
   * @param nodeIds every node of the network, in order
   * @param explicit devices the config lists, by node id
   */
  public DeviceCatalog(List<String> nodeIds, Map<String, List<DeviceSpec>> explicit) {
    Map<String, List<DeviceSpec>> all = new LinkedHashMap<>();
    Map<String, List<DeviceSpec>> given = new LinkedHashMap<>();
    for (String node : nodeIds) {
      List<DeviceSpec> listed = explicit.get(node);
      if (listed != null) given.put(node, List.copyOf(listed));
      all.put(node, listed != null ? List.copyOf(listed) : DeviceSpec.simulatedDefaults(node));
    }
    this.byNode = Collections.unmodifiableMap(all);
    this.explicit = Collections.unmodifiableMap(given);
  }

  /** The devices of {@code node} (explicit or simulated defaults); empty for an unknown node. */
  public List<DeviceSpec> of(String node) {
    return byNode.getOrDefault(node, List.of());
  }

  /** Devices by node, for every node. */
  public Map<String, List<DeviceSpec>> byNode() {
    return byNode;
  }

  /** Only the nodes the config lists devices for. */
  public Map<String, List<DeviceSpec>> explicitByNode() {
    return explicit;
  }

  public List<DeviceSpec> all() {
    List<DeviceSpec> out = new ArrayList<>();
    byNode.values().forEach(out::addAll);
    return out;
  }

  /** Device counts by driver, including simulated defaults. */
  public Map<DriverKind, Integer> countByDriver() {
    Map<DriverKind, Integer> counts = new EnumMap<>(DriverKind.class);
    for (DriverKind k : DriverKind.values()) counts.put(k, 0);
    for (DeviceSpec d : all()) counts.merge(d.driver().kind(), 1, Integer::sum);
    return counts;
  }

  /** Devices the controller must serve virtual firmware for. */
  public List<DeviceSpec> served() {
    return all().stream().filter(d -> d.serve().isPresent()).toList();
  }
}
