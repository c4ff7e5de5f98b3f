package org.dpem.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.DriverSpec;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.RemotePairSource;
import org.dpem.driver.transport.BrokerAccess;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.MqttLink;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.protocol.DecodeResult;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Driver and virtual firmware through a real broker: embedded Moquette and Mosquitto. */
class MqttFirmwareTest {
  WallClockTimeBase time;
  DriverFactory factory;
  BenchDevice bench;
  VirtualFirmware fw;
  RemoteDevice dev;

  @BeforeEach
  void up() {
    Hil.quietLogs();
    time = new WallClockTimeBase();
    factory = new DriverFactory(time, "test-host");
    bench = BenchDevices.create(DeviceKind.SOURCE, "src-9", "n9", time);
  }

  @AfterEach
  void down() {
    if (dev != null) {
      dev.close();
    }
    if (fw != null) {
      fw.close();
    }
    factory.close();
    time.close();
  }

  private void serve(String url) throws Exception {
    fw = VirtualFirmware.mqtt(bench, MqttSettings.of(url, "fw-src-9"), "lab",
        FirmwareConfig.defaults(), time).start();
    dev = factory.open(DriverSpec.of("src-9", "n9", DeviceKind.SOURCE, Endpoint.Mqtt.of(url, "lab")),
        Duration.ofSeconds(5));
  }

  private long far() {
    return time.nowNanos() + TimeUnit.SECONDS.toNanos(5);
  }

  private static CommandResult get(CompletionStage<CommandResult> s) throws Exception {
    return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void thirdPartySeesRetainedStateAndDescriptionAndCommandsWork() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, BrokerAccess.anyone())) {
      serve(broker.url());
      assertThat(dev.state()).isEqualTo(DeviceState.READY);
      assertThat(dev.limits().get("rate")).isPresent();
      CommandResult r = get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 500));
      assertThat(r.isOk()).as(r.toString()).isTrue();
      CommandResult refused = get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 5e6));
      assertThat(refused.code()).isEqualTo(ResultCode.OUT_OF_LIMITS);

      Map<String, byte[]> seen = new ConcurrentHashMap<>();
      MqttLink observer = new MqttLink(MqttSettings.of(broker.url(), "observer"), null, null);
      observer.subscribe("lab/src-9/#", 1, seen::put);
      observer.start();
      assertThat(Hil.await(Duration.ofSeconds(3), () -> seen.containsKey("lab/src-9/state")
          && seen.containsKey("lab/src-9/desc/info") && seen.containsKey("lab/src-9/desc/param/rate")))
          .as("seen %s", seen.keySet()).isTrue();
      assertThat(new String(seen.get("lab/src-9/state"), StandardCharsets.UTF_8)).isEqualTo("ready");
      DecodeResult info = new PacketCodec().decode(seen.get("lab/src-9/desc/info"));
      assertThat(info).isInstanceOf(DecodeResult.Accepted.class);
      assertThat(((Message.DeviceInfo) ((DecodeResult.Accepted) info).packet().message()).deviceId())
          .isEqualTo("src-9");
      DecodeResult rate = new PacketCodec().decode(seen.get("lab/src-9/desc/param/rate"));
      assertThat(((Message.ParamDescriptor) ((DecodeResult.Accepted) rate).packet().message()).max())
          .isEqualTo(1_000_000);
      observer.close();
    }
  }

  @Test
  void controllerGoneLeavesTheFirmwareSafeWithinOneSecond() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, BrokerAccess.anyone())) {
      serve(broker.url());
      assertThat(get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 5)).isOk()).isTrue();
      long t0 = System.nanoTime();
      dev.close();
      dev = null;
      assertThat(Hil.await(Duration.ofSeconds(1), () -> fw.state() == DeviceStateCode.SAFE)).isTrue();
      assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
      assertThat(((BenchPairSource) bench).reading().enabled()).isFalse();
    }
  }

  @Test
  void aCleanControllerStopLeavesTheDeviceSafeWithoutAWarning() throws Exception {
    ch.qos.logback.classic.Logger fwLog =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(VirtualFirmware.class);
    var seen = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    seen.start();
    fwLog.addAppender(seen);
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, BrokerAccess.anyone())) {
      serve(broker.url());
      assertThat(get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 5)).isOk()).isTrue();
      dev.close();
      dev = null;
      assertThat(Hil.await(Duration.ofSeconds(1), () -> fw.state() == DeviceStateCode.SAFE)).isTrue();
      Thread.sleep(300); // the goodbye 'offline' arrives after the SAFE order
    } finally {
      fwLog.detachAppender(seen);
    }
    assertThat(seen.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
  }

  @Test
  void brokerRestartReconnectsBothEndsAndNoCommandExecutesTwice() throws Exception {
    Hil.requireBinary("mosquitto");
    int port = Hil.freePort();
    Hil.Mosquitto m = Hil.Mosquitto.start(port);
    try {
      serve(m.url());
      RemotePairSource src = (RemotePairSource) dev;
      assertThat(get(src.enable(AllocationId.of(1), far(), NodeId.of("n2"), 5)).isOk()).isTrue();
      fw.dropAcks(1); // the first answer is lost: the retry must be answered from the cache
      assertThat(get(src.enable(AllocationId.of(2), far(), NodeId.of("n2"), 6)).isOk()).isTrue();

      fw.delayAcks(Duration.ofMillis(300));
      CompletionStage<CommandResult> inFlight = src.enable(AllocationId.of(3), far(), NodeId.of("n2"), 7);
      Thread.sleep(100);
      m.close();
      CommandResult cut = get(inFlight);
      assertThat(cut.code()).isIn(ResultCode.UNREACHABLE, ResultCode.TIMEOUT);
      assertThat(Hil.await(Duration.ofSeconds(3), () -> dev.state() == DeviceState.LOST)).isTrue();

      fw.delayAcks(Duration.ZERO);
      m = Hil.Mosquitto.start(port);
      // the firmware may have gone SAFE on its dead-man while the broker was down; the session
      // clears that (DEADMAN only) after the re-handshake, so wait for both ends to settle
      assertThat(Hil.await(Duration.ofSeconds(8),
          () -> dev.state() == DeviceState.READY && fw.state() == DeviceStateCode.READY))
          .as("host %s, firmware %s", dev.health(), fw.state()).isTrue();
      CommandResult after = get(src.enable(AllocationId.of(4), far(), NodeId.of("n2"), 8));
      assertThat(after.isOk()).as(after.toString()).isTrue();
      assertThat(((BenchPairSource) bench).reading().ratePairsPerSecond()).isEqualTo(8);
      assertThat(fw.maxExecutionsPerCmdSeq()).isEqualTo(1);
    } finally {
      m.close();
    }
  }
}
