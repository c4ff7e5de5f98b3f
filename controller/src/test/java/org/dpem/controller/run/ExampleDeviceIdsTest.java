package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.config.device.DriverKind;
import org.dpem.hal.DeviceId;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The device ids a config names (and its comments promise) are the ids an operator sees. */
class ExampleDeviceIdsTest {

  @ParameterizedTest
  @ValueSource(strings = {"paper-100", "two-node", "hil"})
  void simulatedDefaultIdsAreTheRunningDevicesIds(String name) throws Exception {
    Path file = Path.of("..", "config", "examples", name + ".yaml");
    DpemConfig cfg = ConfigLoader.load(file);
    SimNetwork world = new SimNetwork(new SimEngine(1), ScenarioBuilder.build(cfg).topology(),
        NetworkOptions.quiet());
    cfg.devices().all().stream().filter(d -> d.driver().kind() == DriverKind.SIM)
        .forEach(d -> assertThat(world.device(DeviceId.of(d.id()))).as("%s: device %s", name, d.id())
            .isPresent());
    // the comments name the default ids by the same pattern
    assertThat(Files.readString(file)).doesNotContain("-src,").doesNotContain("<node>-src");
  }

  @Test
  void hilCommentNamesAnIdThatExists() throws Exception {
    String yaml = Files.readString(Path.of("..", "config", "examples", "hil.yaml"));
    assertThat(yaml).contains("r1.source");
  }
}
