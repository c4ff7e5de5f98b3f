package org.dpem.config.device;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One piece of equipment at a node.
 *
 * @param id globally unique device id (also its MQTT topic segment)
 * @param node the node it belongs to
 * @param kind what it does
 * @param driver how it is reached
 * @param serve present when the controller should start virtual firmware for it
 * @param limits per-parameter narrowing of the device's own limits (keys from {@link DeviceKind#parameters()})
 */
public record DeviceSpec(String id, String node, DeviceKind kind, DriverSpec driver, Optional<ServeSpec> serve,
    Map<String, LimitOverride> limits) {

  public DeviceSpec {
    Objects.requireNonNull(id);
    Objects.requireNonNull(node);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(driver);
    serve = serve == null ? Optional.empty() : serve;
    limits = Map.copyOf(limits);
  }

  /** The override for {@code parameter}, or {@link LimitOverride#NONE}. */
  public LimitOverride limit(String parameter) {
    return limits.getOrDefault(parameter, LimitOverride.NONE);
  }

  /**
   * The devices a node gets when the config lists none for it: one simulated device of each
   * kind, with the ids the simulator gives them: {@code <node>.source}, {@code <node>.memory},
   * {@code <node>.analyzer}.
   */
  public static List<DeviceSpec> simulatedDefaults(String node) {
    return List.of(
        new DeviceSpec(node + ".source", node, DeviceKind.SOURCE, new SimDriver(), Optional.empty(), Map.of()),
        new DeviceSpec(node + ".memory", node, DeviceKind.MEMORY, new SimDriver(), Optional.empty(), Map.of()),
        new DeviceSpec(node + ".analyzer", node, DeviceKind.ANALYZER, new SimDriver(), Optional.empty(), Map.of()));
  }
}
