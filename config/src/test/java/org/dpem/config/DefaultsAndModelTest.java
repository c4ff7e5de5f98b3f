package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dpem.config.Yaml.ok;

import java.util.Set;
import org.dpem.config.controller.ControllerConfig;
import org.dpem.config.device.DeviceSpec;
import org.dpem.config.device.DriverKind;
import org.dpem.config.device.SerialDriver;
import org.dpem.config.network.ExplicitNetwork;
import org.dpem.config.network.GeneratorSpec;
import org.dpem.config.network.GeneratorType;
import org.dpem.config.workload.BurstyArrivals;
import org.dpem.config.workload.DiurnalArrivals;
import org.dpem.config.workload.WorkloadConfig;
import org.junit.jupiter.api.Test;

class DefaultsAndModelTest {

  @Test
  void emptyFileIsThePaperScenarioWithDefaults() {
    DpemConfig c = ok("");
    assertThat(c.network()).isEqualTo(GeneratorSpec.PAPER);
    assertThat(c.controller()).isEqualTo(ControllerConfig.DEFAULT);
    assertThat(c.workload()).isEqualTo(WorkloadConfig.DEFAULT);
    assertThat(c.controller().admin().address()).isEqualTo("127.0.0.1");
    assertThat(c.controller().admin().port()).isEqualTo(7700);
    assertThat(c.controller().broker().isEmbedded()).isTrue();
    assertThat(c.controller().epochMs()).isEqualTo(100);
    assertThat(c.controller().kPaths()).isEqualTo(4);
  }

  @Test
  void nodesWithoutDevicesGetOneSimulatedDeviceOfEachKind() {
    DpemConfig c = ok("""
        network:
          nodes: [{id: a}, {id: b}]
          links: [{a: a, b: b, length_km: 5}]
        devices:
          a:
            - {id: a-laser, kind: source, driver: serial, port: /dev/ttyUSB0}
        """);
    assertThat(c.devices().of("a")).singleElement().satisfies(d -> {
      assertThat(d.driver()).isEqualTo(new SerialDriver("/dev/ttyUSB0", SerialDriver.DEFAULT_BAUD));
      assertThat(d.node()).isEqualTo("a");
    });
    assertThat(c.devices().of("b")).isEqualTo(DeviceSpec.simulatedDefaults("b"));
    assertThat(c.devices().explicitByNode()).containsOnlyKeys("a");
    assertThat(c.devices().countByDriver()).containsEntry(DriverKind.SERIAL, 1).containsEntry(DriverKind.SIM, 3);
    ExplicitNetwork n = (ExplicitNetwork) c.network();
    assertThat(n.links().get(0).attenuationDbPerKm()).isEqualTo(0.2);
  }

  @Test
  void explicitDeviceMayNotTakeADefaultDevicesId() {
    ConfigProblem p = Yaml.only("""
        network:
          nodes: [{id: a}, {id: b}]
        devices:
          a:
            - {id: b.source, kind: source}
        """);
    assertThat(p.line()).isEqualTo(5);
    assertThat(p.message()).contains("reserved for the simulated default device of node 'b'");
  }

  @Test
  void generatorShapes() {
    assertThat(ok("network: {generator: {type: chain, hops: 5}}").nodeIds()).hasSize(6);
    GeneratorSpec grid = (GeneratorSpec) ok("network: {generator: {type: grid, rows: 3, cols: 4}}").network();
    assertThat(grid.nodeIds()).hasSize(12);
    assertThat(grid.expectedLinkCount()).hasValue(3 * 3 + 4 * 2);
    GeneratorSpec w = (GeneratorSpec) ok("network: {generator: {type: waxman, nodes: 30, alpha: 0.3, beta: 0.6}}").network();
    assertThat(w.type()).isEqualTo(GeneratorType.WAXMAN);
    assertThat(w.alpha()).isEqualTo(0.3);
    assertThat(w.expectedLinkCount()).isEmpty();
  }

  @Test
  void randomMeshMustBeAbleToBeConnected() {
    ConfigProblem p = Yaml.only("network: {generator: {nodes: 10, average_degree: 1}}");
    assertThat(p.key()).isEqualTo("network.generator.average_degree");
    assertThat(p.message()).contains("at least 1.8");
  }

  @Test
  void explicitAndGeneratedTogetherIsAnError() {
    ConfigProblem p = Yaml.only("network: {nodes: [{id: a}], generator: {}}");
    assertThat(p.key()).isEqualTo("network.generator");
  }

  @Test
  void workloadTypes() {
    DiurnalArrivals d = (DiurnalArrivals) ok("workload: {type: diurnal, rate_per_s: 4, period_s: 60, amplitude: 0.25}")
        .workload().arrivals();
    assertThat(d).isEqualTo(new DiurnalArrivals(4, 60, 0.25));
    BurstyArrivals b = (BurstyArrivals) ok("workload: {type: bursty, on_rate_per_s: 10, off_rate_per_s: 0, mean_on_s: 1, mean_off_s: 3}")
        .workload().arrivals();
    assertThat(b.meanRatePerS()).isEqualTo(2.5);
    assertThat(ok("workload: {pairs: 3}").workload().requests().pairs()).isEqualTo(new IntRange(3, 3));
  }

  @Test
  void numericIdsAreAccepted() {
    DpemConfig c = ok("network: {nodes: [{id: 1}, {id: 2}], links: [{a: 1, b: 2, length_km: 1}]}");
    assertThat(c.nodeIds()).containsExactly("1", "2");
  }

  @Test
  void tokenAndTokenFileAreExclusive() {
    assertThat(Yaml.only("controller: {admin: {token: s3cret, token_file: t.txt}}").key())
        .isEqualTo("controller.admin.token_file");
  }

  @Test
  void idsThatWouldBreakMqttTopicsAreRejected() {
    for (String bad : Set.of("'a/b'", "'a b'", "'#'", "'x+'")) {
      assertThat(Yaml.only("network: {nodes: [{id: " + bad + "}]}").message()).contains("printable ASCII");
    }
  }
}
