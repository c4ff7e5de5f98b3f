package org.dpem.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.DriverSpec;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.RemotePairSource;
import org.dpem.driver.transport.PtyPair;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.protocol.Addresses;
import org.dpem.protocol.FrameEncoder;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.RejectReason;
import org.dpem.protocol.message.AckCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Driver and virtual firmware on the two ends of a real socat pseudo-terminal pair. */
class SerialFirmwareTest {
  @TempDir Path dir;
  WallClockTimeBase time;
  PtyPair pty;
  BenchDevice bench;
  VirtualFirmware fw;
  DriverFactory factory;
  RemoteDevice dev;

  @BeforeEach
  void up() throws Exception {
    Hil.quietLogs();
    Hil.requireBinary("socat");
    time = new WallClockTimeBase();
    pty = PtyPair.start(dir.resolve("host"), dir.resolve("dev"));
    bench = BenchDevices.create(DeviceKind.SOURCE, "src-1", "n1", time);
    fw = VirtualFirmware.serial(bench, settings(pty.b()), FirmwareConfig.defaults(), time).start();
    factory = new DriverFactory(time, "test-host");
    dev = factory.open(spec(), Duration.ofSeconds(3));
  }

  private SerialSettings settings(Path p) {
    return new SerialSettings(p, 115200, dir, Duration.ofMillis(20));
  }

  private DriverSpec spec() {
    return DriverSpec.of("src-1", "n1", DeviceKind.SOURCE, new Endpoint.Serial(pty.a(), 115200));
  }

  @AfterEach
  void down() {
    if (dev != null) {
      dev.close();
    }
    if (fw != null) {
      fw.close();
    }
    if (factory != null) {
      factory.close();
    }
    if (pty != null) {
      pty.close();
    }
    if (time != null) {
      time.close();
    }
  }

  private long far() {
    return time.nowNanos() + TimeUnit.SECONDS.toNanos(5);
  }

  private static CommandResult get(CompletionStage<CommandResult> s) throws Exception {
    return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void handshakeGivesIdentityAndTheDevicesOwnLimitsAndCommandsAct() throws Exception {
    assertThat(dev).isInstanceOf(RemotePairSource.class);
    assertThat(dev.state()).isEqualTo(DeviceState.READY);
    assertThat(dev.info().firmware()).isEqualTo("vfw-0.1");
    assertThat(dev.limits().get("rate").orElseThrow().max()).isEqualTo(1_000_000);
    assertThat(dev.health().breaker()).isEqualTo("CLOSED");

    RemotePairSource src = (RemotePairSource) dev;
    assertThat(get(src.enable(AllocationId.of(7), far(), NodeId.of("n2"), 5000)).isOk()).isTrue();
    assertThat(((BenchPairSource) bench).reading().enabled()).isTrue();
    assertThat(((BenchPairSource) bench).reading().ratePairsPerSecond()).isEqualTo(5000);
    assertThat(Hil.await(Duration.ofSeconds(2), () -> src.reading().enabled())).isTrue();
    assertThat(src.reading().peer()).isEqualTo(NodeId.of("n2"));
  }

  @Test
  void outOfLimitCommandNeverReachesTheWireAndSentRawIsRefusedByTheFirmware() throws Exception {
    long before = fw.commandsReceived();
    CommandResult r = get(dev.submit(new SetParameter(AllocationId.NONE, far(), "rate", 2_000_000)));
    assertThat(r.code()).isEqualTo(ResultCode.OUT_OF_LIMITS);
    assertThat(r.detail()).contains("exceeds max 1000000");
    Thread.sleep(100);
    assertThat(fw.commandsReceived()).isEqualTo(before);

    // the same command sent raw, past the host interlock
    var s = dev.session();
    Message.CommandAck ack = s.attempt(new Message.Command(s.nextCmdSeq(), 0, 0,
        Operation.SetParam.byName("rate", 2_000_000)), false).get(2, TimeUnit.SECONDS);
    assertThat(ack.result()).isEqualTo(AckCode.OUT_OF_LIMITS);
    assertThat(ack.detail()).contains("exceeds max");
    assertThat(fw.commandsReceived()).isEqualTo(before + 1);
    assertThat(fw.executedCommands()).isZero();

    // and a raw command past its deadline is refused EXPIRED by the firmware
    Message.CommandAck late = s.attempt(new Message.Command(s.nextCmdSeq(), 0, 1,
        new Operation.EnableSource("n2", 10)), false).get(2, TimeUnit.SECONDS);
    assertThat(late.result()).isEqualTo(AckCode.EXPIRED);
    assertThat(fw.executedCommands()).isZero();
  }

  @Test
  void setParamWhoseIndexAndNameDisagreeIsInvalid() throws Exception {
    var s = dev.session();
    int rate = dev.session().handshake().params().stream()
        .filter(p -> p.name().equals("rate")).findFirst().orElseThrow().index();
    Message.CommandAck mismatch = s.attempt(new Message.Command(s.nextCmdSeq(), 0, 0,
        new Operation.SetParam(rate, "window", 5)), false).get(2, TimeUnit.SECONDS);
    assertThat(mismatch.result()).isEqualTo(AckCode.INVALID);
    assertThat(mismatch.detail()).contains("'rate'").contains("'window'");
    Message.CommandAck noSuchIndex = s.attempt(new Message.Command(s.nextCmdSeq(), 0, 0,
        new Operation.SetParam(200, "rate", 5)), false).get(2, TimeUnit.SECONDS);
    assertThat(noSuchIndex.result()).isEqualTo(AckCode.INVALID);
    assertThat(fw.executedCommands()).isZero();
    Message.CommandAck both = s.attempt(new Message.Command(s.nextCmdSeq(), 0, 0,
        new Operation.SetParam(rate, "rate", 5)), false).get(2, TimeUnit.SECONDS);
    assertThat(both.result()).isEqualTo(AckCode.OK);
  }

  @Test
  void garbageAndTruncatedFramesAreCountedAndSkippedAndTheSessionSurvives() throws Exception {
    PacketCodec codec = new PacketCodec();
    byte[] good = codec.encode(1, Addresses.HOST, 99, new Message.Heartbeat(1, 
        org.dpem.protocol.message.DeviceStateCode.READY, 0));
    byte[] truncated = FrameEncoder.frame(java.util.Arrays.copyOf(good, good.length - 3));
    byte[] badCrc = good.clone();
    badCrc[good.length - 1] ^= 0x55;
    long rejectedBefore = dev.linkCounters().rejected();
    // bytes written into the firmware-side pty travel to the host, as line noise would
    try (FileOutputStream noise = new FileOutputStream(pty.b().toFile())) {
      noise.write(new byte[] {0x13, 0x37, 0x42, 0x00});
      noise.write(truncated);
      noise.write(FrameEncoder.frame(badCrc));
      noise.write(new byte[] {0x05, 0x01, 0x00});
    }
    assertThat(Hil.await(Duration.ofSeconds(2),
        () -> dev.linkCounters().rejected() >= rejectedBefore + 4)).isTrue();
    assertThat(dev.linkCounters().count(RejectReason.BAD_CRC)).isGreaterThanOrEqualTo(1);
    assertThat(dev.linkCounters().count(RejectReason.TRUNCATED)
        + dev.linkCounters().count(RejectReason.TOO_SHORT)
        + dev.linkCounters().count(RejectReason.BAD_COBS)).isGreaterThanOrEqualTo(1);
    CommandResult r = get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 10));
    assertThat(r.isOk()).as(r.toString()).isTrue();
    assertThat(dev.state()).isEqualTo(DeviceState.READY);
  }

  @Test
  void linkVanishingMidCommandFailsClearlyGoesLostOpensTheBreakerAndRecoversWhenThePortReturns()
      throws Exception {
    List<DeviceEvent.StateChanged> states = new CopyOnWriteArrayList<>();
    dev.subscribe(e -> {
      if (e instanceof DeviceEvent.StateChanged s) {
        states.add(s);
      }
    });
    fw.delayAcks(Duration.ofMillis(400));
    CompletionStage<CommandResult> inFlight =
        ((RemotePairSource) dev).enable(AllocationId.of(3), far(), NodeId.of("n2"), 100);
    Thread.sleep(100);
    pty.kill();
    CommandResult r = get(inFlight);
    assertThat(r.code()).isEqualTo(ResultCode.UNREACHABLE);
    assertThat(r.detail()).contains("lost mid-command").contains(pty.a().toString());
    assertThat(Hil.await(Duration.ofSeconds(2), () -> dev.state() == DeviceState.LOST)).isTrue();
    assertThat(dev.health().breaker()).isEqualTo("OPEN");
    CommandResult whileLost = get(dev.safe(far()));
    assertThat(whileLost.code()).isEqualTo(ResultCode.UNREACHABLE);

    fw.delayAcks(Duration.ZERO);
    long t0 = System.nanoTime();
    pty = PtyPair.start(pty.a(), pty.b());
    assertThat(Hil.await(Duration.ofSeconds(2), () -> dev.state() == DeviceState.READY))
        .as("READY within 2 s of the port returning; states: %s", states).isTrue();
    double took = (System.nanoTime() - t0) / 1e9;
    assertThat(took).isLessThan(2.0);
    assertThat(dev.health().breaker()).isEqualTo("CLOSED");
    assertThat(get(((RemotePairSource) dev).enable(AllocationId.of(4), far(), NodeId.of("n2"), 100))
        .isOk()).isTrue();
  }

  @Test
  void silentControllerLeavesTheFirmwareSafeWithinOneSecond() throws Exception {
    assertThat(get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 10))
        .isOk()).isTrue();
    long t0 = System.nanoTime();
    // the controller dies without a word: its port closes, its heartbeats stop
    dev.session().port().close();
    assertThat(Hil.await(Duration.ofSeconds(1),
        () -> fw.state() == org.dpem.protocol.message.DeviceStateCode.SAFE))
        .as("firmware SAFE within 1 s; %s", fw.watchdogStatus()).isTrue();
    assertThat((System.nanoTime() - t0) / 1e9).isLessThan(1.0);
    assertThat(((BenchPairSource) bench).reading().enabled()).isFalse();
  }

  @Test
  void controllerShutdownOrdersTheDeviceSafeAtOnce() throws Exception {
    assertThat(get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 10))
        .isOk()).isTrue();
    dev.close();
    dev = null;
    assertThat(Hil.await(Duration.ofMillis(300),
        () -> fw.state() == org.dpem.protocol.message.DeviceStateCode.SAFE)).isTrue();
    assertThat(((BenchPairSource) bench).reading().enabled()).isFalse();
  }

  @Test
  void latchedFaultIsReportedOnceAcknowledgedAndClearedOnRequest() throws Exception {
    List<DeviceEvent.Fault> faults = new CopyOnWriteArrayList<>();
    dev.subscribe(e -> {
      if (e instanceof DeviceEvent.Fault f) {
        faults.add(f);
      }
    });
    fw.raiseFault("OVERTEMP", "crystal at 41 C", true);
    assertThat(Hil.await(Duration.ofSeconds(2), () -> dev.state() == DeviceState.FAULT)).isTrue();
    Thread.sleep(500); // several re-send periods: the ack must have stopped them
    assertThat(faults).hasSize(1);
    assertThat(faults.get(0).code()).isEqualTo("OVERTEMP");
    CommandResult refused = get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 10));
    assertThat(refused.code()).isEqualTo(ResultCode.FAULTED);
    assertThat(get(dev.clearFault(far())).isOk()).isTrue();
    assertThat(Hil.await(Duration.ofSeconds(2), () -> dev.state() == DeviceState.READY)).isTrue();
  }

  @Test
  void lostAcknowledgementIsRetriedWithTheSameCmdSeqAndExecutesOnce() throws Exception {
    long before = fw.executedCommands();
    fw.dropAcks(1);
    CommandResult r = get(((RemotePairSource) dev).enable(AllocationId.of(5), far(), NodeId.of("n2"), 42));
    assertThat(r.isOk()).as(r.toString()).isTrue();
    assertThat(fw.executedCommands()).isEqualTo(before + 1);
    assertThat(fw.commandsReceived()).isGreaterThanOrEqualTo(2);
    assertThat(dev.policy().retry().getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()).isEqualTo(1);
  }

  @Test
  void schemaMismatchMakesTheDeviceReadOnly() throws Exception {
    dev.close();
    fw.close();
    pty.close();
    pty = PtyPair.start(dir.resolve("h2"), dir.resolve("d2"));
    fw = VirtualFirmware.serial(bench, settings(pty.b()),
        FirmwareConfig.defaults().withSchemaHash(0x12345678), time).start();
    dev = factory.open(DriverSpec.of("src-1", "n1", DeviceKind.SOURCE,
        new Endpoint.Serial(pty.a(), 115200)), Duration.ofSeconds(3));
    assertThat(dev.readOnly()).isTrue();
    CommandResult r = get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 10));
    assertThat(r.code()).isEqualTo(ResultCode.READ_ONLY);
    CommandResult safe = get(dev.safe(far()));
    assertThat(safe.isOk()).as(safe.toString()).isTrue();
  }
}
