package org.dpem.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dpem.config.controller.Policy;
import org.dpem.config.device.DeviceSpec;
import org.dpem.config.device.DriverKind;
import org.dpem.config.device.MqttDriver;
import org.dpem.config.device.SerialDriver;
import org.dpem.config.network.ExplicitNetwork;
import org.dpem.config.network.GeneratorSpec;
import org.dpem.config.network.GeneratorType;
import org.dpem.config.workload.HotspotArrivals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped examples load, from the source tree and from the classpath, and say what they claim. */
class ExamplesTest {

  // Surefire runs with the module folder as working directory.
  private static final Path EXAMPLES = Path.of("examples");

  @ParameterizedTest
  @ValueSource(strings = {"paper-100", "paper-100-literal", "two-node", "hil"})
  void loadsFromFileAndClasspathIdentically(String name) throws Exception {
    Path file = EXAMPLES.resolve(name + ".yaml");
    DpemConfig fromFile = ConfigLoader.load(file);
    DpemConfig fromJar = ShippedExamples.load(name);
    assertThat(ShippedExamples.text(name)).isEqualTo(Files.readString(file));
    assertThat(fromJar.network()).isEqualTo(fromFile.network());
    assertThat(fromJar.devices()).isEqualTo(fromFile.devices());
    assertThat(fromJar.workload()).isEqualTo(fromFile.workload());
    assertThat(fromJar.source()).isEqualTo("classpath:dpem/examples/" + name + ".yaml");
  }

  @Test
  void everyExampleFileIsShipped() throws Exception {
    try (var files = Files.list(EXAMPLES)) {
      List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
          .map(n -> n.replace(".yaml", "")).sorted().toList();
      assertThat(names).containsExactlyInAnyOrderElementsOf(ShippedExamples.names());
    }
  }

  @Test
  void paper100IsThePapersScenario() {
    DpemConfig c = ShippedExamples.paper100();
    GeneratorSpec g = (GeneratorSpec) c.network();
    assertThat(g.type()).isEqualTo(GeneratorType.RANDOM_MESH);
    assertThat(c.nodeIds()).hasSize(100).startsWith("n0").endsWith("n99");
    assertThat(g.generationRatePairsPerS()).isEqualTo(new Range(0, 10));
    assertThat(g.repeaterCapacityPairsPerS()).isEqualTo(new Range(0, 5));
    assertThat(c.controller().policy()).isEqualTo(Policy.GREEDY);
    assertThat(c.devices().countByDriver()).containsEntry(DriverKind.SIM, 300)
        .containsEntry(DriverKind.SERIAL, 0).containsEntry(DriverKind.MQTT, 0);
  }

  @Test
  void twoNodeIsOneTenKilometreLink() {
    ExplicitNetwork n = (ExplicitNetwork) ShippedExamples.require(ShippedExamples.TWO_NODE).network();
    assertThat(n.nodes()).hasSize(2);
    assertThat(n.links()).singleElement().satisfies(l -> {
      assertThat(l.lengthKm()).isEqualTo(10.0);
      assertThat(l.transmissivity()).isCloseTo(0.630957, offset(1e-6));
    });
  }

  @Test
  void hilMixesSerialMqttAndSimulatedNodes() {
    DpemConfig c = ShippedExamples.require(ShippedExamples.HIL);
    assertThat(c.nodeIds()).hasSizeBetween(6, 10);
    List<DeviceSpec> a = c.devices().of("lab-a");
    assertThat(a).isNotEmpty().allSatisfy(d -> {
      assertThat(d.driver()).isInstanceOf(SerialDriver.class);
      assertThat(d.serve()).isPresent();
      assertThat(d.serve().get().peer()).isPresent();
    });
    assertThat(c.devices().of("lab-b")).isNotEmpty().allSatisfy(d -> {
      assertThat(d.driver()).isInstanceOf(MqttDriver.class);
      assertThat(((MqttDriver) d.driver()).broker().isEmbedded()).isTrue();
    });
    assertThat(c.devices().of("r1")).extracting(d -> d.driver().kind()).containsOnly(DriverKind.SIM);
    assertThat(c.devices().served()).hasSize(6);
    assertThat(a.get(0).limit("rate").max()).hasValue(8.0);
    assertThat(c.workload().arrivals()).isInstanceOf(HotspotArrivals.class);
  }
}
