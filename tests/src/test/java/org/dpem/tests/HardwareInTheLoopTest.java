package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.controller.hil.HilDevices;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.run.RunOptions;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.run.SimulatedRun;
import org.dpem.driver.transport.MqttPacketPort;
import org.dpem.driver.transport.SerialPacketPort;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.sim.firmware.VirtualFirmware;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped hardware-in-the-loop example, end to end: lab-a's devices behind virtual firmware on
 * socat pseudo-terminals, lab-b's on the embedded MQTT broker, the rest simulated, all started by
 * the controller from the config. Requests through those nodes must be delivered, with the
 * commands seen by the firmware on the far end of each link.
 */
class HardwareInTheLoopTest {
  private static final double ARRIVAL_SECONDS = 12;

  @TempDir
  Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void shippedHilExampleDeliversThroughSerialAndMqttNodes() throws Exception {
    Socat.require("the hardware-in-the-loop test");
    Path shipped = Path.of("..", "config", "examples", "hil.yaml");
    String yaml = Files.readString(shipped);
    assertThat(yaml).contains("/tmp/dpem-hil-");
    Path cfgFile = dir.resolve("hil.yaml");
    Files.writeString(cfgFile, yaml.replace("/tmp/dpem-hil-", dir.resolve("hil-").toString()));
    DpemConfig cfg = ConfigLoader.load(cfgFile);
    Path journal = dir.resolve("run.journal");
    RunOptions opts = new RunOptions("greedy", cfg.workload().seed(),
        OptionalDouble.of(ARRIVAL_SECONDS), cfg.controller().epochMs(), cfg.controller().kPaths(),
        journal, OptionalInt.empty(), false, false, OptionalDouble.empty());
    SimulatedRun run = new SimulatedRun(ScenarioBuilder.build(cfg), opts)
        .withEquipment(world -> HilDevices.open(cfg, world));

    long wall0 = System.nanoTime();
    RunReport report = run.run();
    double wallSeconds = (System.nanoTime() - wall0) / 1e9;

    // paced to the wall clock: the arrivals alone take their full time
    assertThat(wallSeconds).isGreaterThanOrEqualTo(ARRIVAL_SECONDS);
    HilDevices hil = run.equipment();
    Map<String, VirtualFirmware> fw = hil.firmware();
    assertThat(fw).containsOnlyKeys("lab-a-src", "lab-a-mem", "lab-a-bsa", "lab-b-src",
        "lab-b-mem", "lab-b-bsa");
    fw.forEach((id, f) -> assertThat(f.port()).as(id).isInstanceOf(
        id.startsWith("lab-a") ? SerialPacketPort.class : MqttPacketPort.class));
    // the shipped example signs its commands: firmware that requires signatures executed them
    fw.forEach((id, f) -> assertThat(f.requiresSignatures()).as(id + " requires signatures").isTrue());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("hil.signing-key"))))
        .isEqualTo("rw-------");
    long serialCommands = executed(fw, "lab-a-");
    long mqttCommands = executed(fw, "lab-b-");
    assertThat(serialCommands).as("commands executed by lab-a's firmware over the ptys").isPositive();
    assertThat(mqttCommands).as("commands executed by lab-b's firmware over MQTT").isPositive();
    // the run closed its equipment: every served device was put in its safe state on the wire
    fw.forEach((id, f) -> assertThat(f.state()).as("firmware state of " + id)
        .isEqualTo(DeviceStateCode.SAFE));
    hil.remoteDevices().forEach((id, d) ->
        assertThat(d.linkCounters().accepted()).as("frames from " + id).isPositive());

    List<JournalRecord> records = Journal.read(journal).records();
    Map<Long, List<RequestState>> states = new HashMap<>();
    Map<Long, List<List<String>>> paths = new HashMap<>();
    for (JournalRecord r : records) {
      if (r instanceof JournalRecord.Admitted a) {
        states.computeIfAbsent(a.request().id(), k -> new ArrayList<>()).add(a.state());
      } else if (r instanceof JournalRecord.Moved m) {
        states.computeIfAbsent(m.requestId(), k -> new ArrayList<>()).add(m.state());
      } else if (r instanceof JournalRecord.AllocationOpened o) {
        paths.computeIfAbsent(o.requestId(), k -> new ArrayList<>()).add(o.path());
      }
    }
    assertThat(states).hasSize(((Number) report.fields().get("requests")).intValue());
    states.forEach((id, s) -> {
      assertThat(s.stream().filter(RequestState::terminal).count())
          .as("terminal states of request %d: %s", id, s).isEqualTo(1);
      assertThat(s.get(s.size() - 1).terminal()).as("request %d ends terminal: %s", id, s).isTrue();
    });
    assertThat(((Number) report.fields().get("live_at_end")).intValue()).isZero();

    List<Long> delivered = states.entrySet().stream()
        .filter(e -> e.getValue().contains(RequestState.DELIVERED)).map(Map.Entry::getKey).toList();
    // the allocation a request ended on is its last one (an early end may reroute it)
    List<List<String>> deliveredPaths = delivered.stream()
        .map(id -> paths.getOrDefault(id, List.of()))
        .filter(p -> !p.isEmpty()).map(p -> p.get(p.size() - 1)).toList();
    System.err.printf("hil: %d requests, %d delivered in %.1f s wall; commands lab-a %d, lab-b %d;"
        + " delivered paths %s%n", states.size(), delivered.size(), wallSeconds, serialCommands,
        mqttCommands, deliveredPaths);
    assertThat(deliveredPaths).as("a delivered request routed through lab-a (serial)")
        .anySatisfy(p -> assertThat(p).contains("lab-a"));
    assertThat(deliveredPaths).as("a delivered request routed through lab-b (MQTT)")
        .anySatisfy(p -> assertThat(p).contains("lab-b"));
  }

  private static long executed(Map<String, VirtualFirmware> fw, String prefix) {
    return fw.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(e -> e.getValue().executedCommands()).sum();
  }
}
