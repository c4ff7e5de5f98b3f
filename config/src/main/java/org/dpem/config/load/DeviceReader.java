package org.dpem.config.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.dpem.config.BrokerRef;
import org.dpem.config.device.DeviceKind;
import org.dpem.config.device.DeviceSpec;
import org.dpem.config.device.DriverKind;
import org.dpem.config.device.DriverSpec;
import org.dpem.config.device.LimitOverride;
import org.dpem.config.device.MqttDriver;
import org.dpem.config.device.SerialDriver;
import org.dpem.config.device.ServeSpec;
import org.dpem.config.device.SimDriver;

/**
 * Reads the {@code devices} section: a mapping from node id to that node's list of devices.
 * Device ids are unique across the whole file, and two devices cannot share a serial port (a
 * second open of a port succeeds silently as root, so the clash would otherwise go unnoticed).
 */
final class DeviceReader {

  private final Problems problems;
  private final Set<String> nodeIds;
  private final Map<String, Mark> deviceIds = new HashMap<>();
  private final Map<String, Mark> serialPorts = new HashMap<>();

  private DeviceReader(Problems problems, Set<String> nodeIds) {
    this.problems = problems;
    this.nodeIds = nodeIds;
  }

  static Map<String, List<DeviceSpec>> read(MapReader devices, Set<String> nodeIds) {
    return new DeviceReader(devices.problems(), nodeIds).readAll(devices);
  }

  private Map<String, List<DeviceSpec>> readAll(MapReader devices) {
    Map<String, List<DeviceSpec>> out = new LinkedHashMap<>();
    List<YMap.Entry> entries = devices.entries();
    for (YMap.Entry e : entries) {
      String node = e.key();
      String path = devices.path(node);
      boolean known = nodeIds.contains(node);
      if (!known) {
        problems.add(e.keyMark(), path, "no node '" + node + "' in the network" + Suggest.hint(node, nodeIds));
      }
      if (!(e.value() instanceof YSeq seq)) {
        problems.add(e.value().mark(), path, "expected a list of devices, got " + e.value().describe());
        continue;
      }
      List<DeviceSpec> list = new ArrayList<>();
      for (int i = 0; i < seq.items().size(); i++) {
        YNode item = seq.items().get(i);
        DeviceSpec d = device(MapReader.of(item, path + "[" + i + "]", problems, item.mark()), node);
        if (d != null) list.add(d);
      }
      if (known) out.put(node, list);
    }
    // Nodes left to defaults get ids <node>.source/.memory/.analyzer; an explicit device must not take one.
    for (String node : nodeIds) {
      if (out.containsKey(node)) continue;
      for (DeviceSpec d : DeviceSpec.simulatedDefaults(node)) {
        Mark at = deviceIds.get(d.id());
        if (at != null) {
          problems.add(at, "devices", "device id '" + d.id() + "' is reserved for the simulated default device of node '"
              + node + "' (which lists no devices); choose another id");
        }
      }
    }
    return out;
  }

  private DeviceSpec device(MapReader m, String node) {
    String id = m.id("id");
    if (id != null) {
      Mark first = deviceIds.putIfAbsent(id, m.markOf("id"));
      if (first != null) m.problem("id", "duplicate device id '" + id + "' (first defined at line " + first.line() + ")");
    }
    DeviceKind kind = m.requiredChoice("kind", DeviceKind.class);
    DriverKind driverKind = m.choice("driver", DriverKind.class, DriverKind.SIM);
    DriverSpec driver = driver(m, driverKind);
    Optional<ServeSpec> serve = Optional.empty();
    if (driverKind == DriverKind.SIM) {
      m.notApplicable("to driver sim (a simulated device runs in the controller; there is no firmware to serve)", "serve");
    } else if (m.has("serve")) {
      serve = serve(m, driver);
    }
    Map<String, LimitOverride> limits = limits(m.map("limits"), kind);
    m.finish();
    if (id == null || kind == null || driver == null) return null;
    return new DeviceSpec(id, node, kind, driver, serve, limits);
  }

  private DriverSpec driver(MapReader m, DriverKind kind) {
    if (kind == null) {
      // The driver itself is already reported; its keys are not unknown, just unresolvable.
      List.of("port", "baud", "broker", "topic_prefix", "serve").forEach(m::has);
      return null;
    }
    switch (kind) {
      case SERIAL: {
        m.notApplicable("to driver serial", "broker", "topic_prefix");
        String port = m.requiredString("port");
        int baud = m.integer("baud", SerialDriver.DEFAULT_BAUD, Bounds.closed(50, 10_000_000));
        if (port != null) {
          Mark first = serialPorts.putIfAbsent(port, m.markOf("port"));
          if (first != null) {
            m.problem("port", "serial port '" + port + "' is already used by the device at line " + first.line()
                + "; one port serves one device");
          }
        }
        return port == null ? null : new SerialDriver(port, baud);
      }
      case MQTT: {
        m.notApplicable("to driver mqtt", "port", "baud");
        BrokerRef broker = m.has("broker") ? ControllerReader.broker(m, "broker") : BrokerRef.EMBEDDED;
        String prefix = m.string("topic_prefix", MqttDriver.DEFAULT_TOPIC_PREFIX);
        if (prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("+") || prefix.contains("#")
            || prefix.contains("//") || prefix.startsWith("$")) {
          m.problem("topic_prefix", "a topic prefix may not start or end with '/', contain '//', '+' or '#', or start with '$'");
        }
        return new MqttDriver(broker, prefix);
      }
      default:
        m.notApplicable("to driver sim", "port", "baud", "broker", "topic_prefix");
        return new SimDriver();
    }
  }

  private Optional<ServeSpec> serve(MapReader m, DriverSpec driver) {
    YNode n = m.raw("serve");
    if (n instanceof YScalar s && s.type() == YScalar.Type.BOOLEAN) {
      boolean on = m.bool("serve", false);
      return on ? Optional.of(new ServeSpec(defaultPeer(driver), 0L)) : Optional.empty();
    }
    MapReader s = m.map("serve");
    Optional<String> peer = Optional.empty();
    if (driver instanceof SerialDriver serial) {
      peer = s.optString("peer");
      if (peer.isPresent() && peer.get().equals(serial.port())) {
        s.problem("peer", "the firmware's end of the pty pair must differ from the device's port");
      }
      if (peer.isEmpty()) peer = defaultPeer(driver);
    } else {
      s.notApplicable("to driver mqtt (only a serial device has a pty peer)", "peer");
    }
    long seed = s.longValue("seed", 0L);
    s.finish();
    return Optional.of(new ServeSpec(peer, seed));
  }

  private static Optional<String> defaultPeer(DriverSpec driver) {
    return driver instanceof SerialDriver serial ? Optional.of(serial.port() + ".fw") : Optional.empty();
  }

  /**
   * Limits may only narrow the device's own. Without the device at hand the loader rejects what
   * would widen on its face: negative values, min above max, a zero or negative step, a
   * fractional slot count.
   */
  private Map<String, LimitOverride> limits(MapReader l, DeviceKind kind) {
    Map<String, LimitOverride> out = new LinkedHashMap<>();
    for (YMap.Entry e : l.entries()) {
      String param = e.key();
      if (kind != null && !kind.parameters().contains(param)) {
        problems.add(e.keyMark(), l.path(param), "unknown parameter for a " + MapReader.yamlName(kind) + " device"
            + Suggest.hint(param, kind.parameters()) + "; parameters: " + String.join(", ", kind.parameters()));
        continue;
      }
      MapReader p = MapReader.of(e.value(), l.path(param), problems, e.value().mark());
      boolean count = DeviceKind.isCount(param);
      Bounds b = count ? Bounds.closed(0, Integer.MAX_VALUE) : Bounds.NON_NEGATIVE;
      OptionalDouble min = count ? asDouble(p.optInt("min", b)) : p.optNumber("min", b);
      OptionalDouble max = count ? asDouble(p.optInt("max", b)) : p.optNumber("max", b);
      OptionalDouble step = count ? asDouble(p.optInt("step", Bounds.closed(1, Integer.MAX_VALUE)))
          : p.optNumber("step", Bounds.POSITIVE);
      if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
        p.problem("min", "min " + Bounds.fmt(min.getAsDouble()) + " is greater than max " + Bounds.fmt(max.getAsDouble())
            + "; a config may only narrow a device's limits, and this range is empty");
      }
      if (e.value() instanceof YMap map && map.entries().isEmpty()) {
        p.problem("min", "an empty limit narrows nothing; give min, max or step");
      }
      p.finish();
      out.put(param, new LimitOverride(min, max, step));
    }
    return out;
  }

  private static OptionalDouble asDouble(OptionalInt v) {
    return v.isPresent() ? OptionalDouble.of(v.getAsInt()) : OptionalDouble.empty();
  }
}
