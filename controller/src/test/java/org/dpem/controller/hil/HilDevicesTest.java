package org.dpem.controller.hil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.hal.DeviceId;
import org.dpem.hal.NodeId;
import org.dpem.hal.PairSource;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.firmware.FirmwareConfig;
import org.dpem.sim.firmware.VirtualFirmware;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.junit.jupiter.api.Test;

/** Bringing up the equipment of a config over MQTT on the embedded broker (no socat needed). */
class HilDevicesTest {

  private static String config(String broker, String serve, String limits) {
    return """
        version: 1
        network:
          nodes:
            - {id: a, x_km: 0, y_km: 0}
            - {id: b, x_km: 10, y_km: 0}
          links:
            - {a: a, b: b, length_km: 10}
        devices:
          a:
            - id: a-src
              kind: source
              driver: mqtt
              broker: %s
              topic_prefix: test
        %s%s
            - {id: a-mem, kind: memory, driver: sim}
            - {id: a-bsa, kind: analyzer, driver: sim}
        workload: {type: poisson, rate_per_s: 1, seed: 1}
        """.formatted(broker, serve, limits);
  }

  private static SimNetwork world(DpemConfig cfg) {
    return new SimNetwork(new SimEngine(1), ScenarioBuilder.build(cfg).topology(),
        NetworkOptions.quiet());
  }

  @Test
  void configCannotWidenADeviceLimitAndTheErrorNamesDeviceAndLimit() throws Exception {
    DpemConfig cfg = ConfigLoader.parse(config("embedded", "      serve: {seed: 1}\n",
        "      limits:\n        rate: {max: 99}\n"), "widen.yaml");
    assertThatThrownBy(() -> HilDevices.open(cfg, world(cfg)))
        .isInstanceOf(HilDevices.HilException.class)
        .hasMessageContaining("a-src").hasMessageContaining("'rate'")
        .hasMessageContaining("only narrow");
  }

  @Test
  void servedDeviceStandsInForTheWorldsAndIsNarrowed() throws Exception {
    DpemConfig cfg = ConfigLoader.parse(config("embedded", "      serve: {seed: 1}\n",
        "      limits:\n        rate: {max: 3}\n"), "served.yaml");
    SimNetwork world = world(cfg);
    try (HilDevices hil = HilDevices.open(cfg, world)) {
      var node = hil.directory().node(NodeId.of("a")).orElseThrow();
      PairSource src = node.device(PairSource.class).orElseThrow();
      assertThat(src.id()).isEqualTo(DeviceId.of("a-src"));
      assertThat(node.devices(PairSource.class)).hasSize(1);
      assertThat(src.limits().get("rate").orElseThrow().max()).isEqualTo(3.0);
      assertThat(hil.directory().device(world.sourceAt(NodeId.of("a")).id())).isEmpty();
      assertThat(hil.directory().node(NodeId.of("b")).orElseThrow().devices()).hasSize(3);
    }
  }

  @Test
  void unservedDeviceIsOpenedAsEquipmentWithNoFirmwareStarted() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, org.dpem.driver.transport.BrokerAccess.anyone());
        WallClockTimeBase clock = new WallClockTimeBase()) {
      DpemConfig cfg = ConfigLoader.parse(config(broker.url(), "", ""), "real.yaml");
      // the "equipment": a simulated source of its own, served by firmware outside the controller
      SimNetwork lab = world(cfg);
      var device = new EngineBoundDevice(lab.sourceAt(NodeId.of("a")), lab.engine(),
          DeviceId.of("a-src"));
      try (VirtualFirmware fw = VirtualFirmware.mqtt(device, MqttSettings.of(broker.url(), "lab"),
          "test", FirmwareConfig.defaults(), clock).start()) {
        try (HilDevices hil = HilDevices.open(cfg, world(cfg))) {
          assertThat(hil.firmware()).isEmpty();
          assertThat(hil.remoteDevices()).containsOnlyKeys("a-src");
          assertThat(hil.remoteDevices().get("a-src").info().limits().get("rate")).isPresent();
        }
        assertThat(fw.commandsReceived()).isPositive(); // at least the SAFE on close
      }
    }
  }
}
