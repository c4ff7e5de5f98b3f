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
 *
 * @param byNode devices of every node, in node order
 * @param explicitByNode only the nodes the config lists devices for
 */
public record DeviceCatalog(Map<String, List<DeviceSpec>> byNode, Map<String, List<DeviceSpec>> explicitByNode) {

  public DeviceCatalog {
    byNode = frozen(byNode);
    explicitByNode = frozen(explicitByNode);
  }

  /**
   * @param nodeIds every node of the network, in order
   * @param explicit devices the config lists, by node id
   */
  public static DeviceCatalog of(List<String> nodeIds, Map<String, List<DeviceSpec>> explicit) {
    Map<String, List<DeviceSpec>> all = new LinkedHashMap<>();
    Map<String, List<DeviceSpec>> given = new LinkedHashMap<>();
    for (String node : nodeIds) {
      List<DeviceSpec> listed = explicit.get(node);
      if (listed != null) given.put(node, listed);
      all.put(node, listed != null ? listed : DeviceSpec.simulatedDefaults(node));
    }
    return new DeviceCatalog(all, given);
  }

  // Map.copyOf would lose the node order, which summaries and device start-up follow.
  private static Map<String, List<DeviceSpec>> frozen(Map<String, List<DeviceSpec>> m) {
    Map<String, List<DeviceSpec>> copy = new LinkedHashMap<>();
    m.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** The devices of {@code node} (explicit or simulated defaults); empty for an unknown node. */
  public List<DeviceSpec> of(String node) {
    return byNode.getOrDefault(node, List.of());
  }

  /** Every device, node by node. */
  public List<DeviceSpec> all() {
    List<DeviceSpec> out = new ArrayList<>();
    byNode.values().forEach(out::addAll);
    return out;
  }

  /** Device counts by driver, including simulated defaults; every driver kind is present. */
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
