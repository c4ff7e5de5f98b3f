package org.dpem.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.controller.hil.HilDevices;
import org.dpem.controller.run.RunOptions;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.run.SimulatedRun;
import org.dpem.driver.transport.MqttPacketPort;
import org.dpem.driver.transport.SerialPacketPort;
import org.dpem.protocol.message.Opcode;
import org.dpem.sim.firmware.VirtualFirmware;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entanglement buffering on real transports: the shipped hardware-in-the-loop example under
 * {@code predictive-greedy}. Its stocks at lab-a (serial, socat ptys) and lab-b (MQTT, the
 * embedded broker) must travel as STOCK_SLOTS commands executed by the firmware on the far end,
 * and hand-overs as HAND_OVER.
 */
class StockOnTheWireTest {
  @TempDir
  Path dir;

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void stockAndHandOverCommandsCrossSerialAndMqtt() throws Exception {
    Socat.require("the stock-on-the-wire test");
    String yaml = Files.readString(Path.of("..", "config", "examples", "hil.yaml"));
    Path cfgFile = dir.resolve("hil.yaml");
    Files.writeString(cfgFile, yaml.replace("/tmp/dpem-hil-", dir.resolve("hil-").toString()));
    DpemConfig cfg = ConfigLoader.load(cfgFile);
    // 30 s, not 12: in 12 s of wall-clock arrivals a hand-over happened 0-2 times (0 once in four
    // full builds on a loaded machine); 30 s gives about 13
    RunOptions opts = new RunOptions("predictive-greedy", cfg.workload().seed(),
        OptionalDouble.of(30), cfg.controller().epochMs(), cfg.controller().kPaths(),
        dir.resolve("run.journal"), OptionalInt.empty(), false, false, OptionalDouble.empty());
    SimulatedRun run = new SimulatedRun(ScenarioBuilder.build(cfg), opts)
        .withEquipment(world -> HilDevices.open(cfg, world));
    RunReport report = run.run();

    Map<String, VirtualFirmware> fw = run.equipment().firmware();
    VirtualFirmware serialMemory = fw.get("lab-a-mem");
    VirtualFirmware mqttMemory = fw.get("lab-b-mem");
    assertThat(serialMemory.port()).isInstanceOf(SerialPacketPort.class);
    assertThat(mqttMemory.port()).isInstanceOf(MqttPacketPort.class);
    long stockSerial = serialMemory.executedCommands(Opcode.STOCK_SLOTS);
    long stockMqtt = mqttMemory.executedCommands(Opcode.STOCK_SLOTS);
    long handOvers = serialMemory.executedCommands(Opcode.HAND_OVER)
        + mqttMemory.executedCommands(Opcode.HAND_OVER);
    Map<String, Object> f = report.fields();
    System.err.printf("stock on the wire: STOCK_SLOTS serial %d, mqtt %d; HAND_OVER %d; summary"
        + " stocked %s used %s wasted %s, delivery %s%n", stockSerial, stockMqtt, handOvers,
        f.get("stocked_pairs"), f.get("stocked_pairs_used"), f.get("stocked_pairs_wasted"),
        f.get("delivery_rate"));
    assertThat(f.get("policy")).isEqualTo("predictive-greedy");
    assertThat(stockSerial).as("STOCK_SLOTS executed by lab-a's memory over the pty").isPositive();
    assertThat(stockMqtt).as("STOCK_SLOTS executed by lab-b's memory over MQTT").isPositive();
    assertThat(handOvers).as("HAND_OVER executed by the lab memories").isPositive();
    assertThat(((Number) f.get("stocked_pairs")).longValue()).isPositive();
    assertThat(((Number) f.get("stocked_pairs_used")).longValue())
        .isLessThanOrEqualTo(((Number) f.get("stocked_pairs")).longValue());
  }
}
