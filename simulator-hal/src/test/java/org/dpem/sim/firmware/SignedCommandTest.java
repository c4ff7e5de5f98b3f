package org.dpem.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.DriverSpec;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.RemotePairSource;
import org.dpem.driver.SigningKey;
import org.dpem.driver.transport.PtyPair;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.protocol.FrameEncoder;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.RejectReason;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.Operation;
import org.dpem.protocol.signing.Signer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Signed commands: firmware with a key refuses unsigned actuation, spoofs and replays. */
class SignedCommandTest {
  static final SigningKey KEY = SigningKey.parse("7:000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  static final SigningKey WRONG = SigningKey.parse("7:ff0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

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
    bench = BenchDevices.create(DeviceKind.SOURCE, "src-s", "n1", time);
    fw = VirtualFirmware.serial(bench, new SerialSettings(pty.b(), 115200, dir, Duration.ofMillis(20)),
        FirmwareConfig.defaults().withSigningKey(KEY), time).start();
    factory = new DriverFactory(time, "test-host");
  }

  @AfterEach
  void down() {
    if (dev != null) {
      dev.close();
    }
    fw.close();
    factory.close();
    pty.close();
    time.close();
  }

  private RemoteDevice open(SigningKey key) throws Exception {
    return factory.open(DriverSpec.of("src-s", "n1", DeviceKind.SOURCE,
        new Endpoint.Serial(pty.a(), 115200)).withSigningKey(key), Duration.ofSeconds(3));
  }

  private long far() {
    return time.nowNanos() + TimeUnit.SECONDS.toNanos(5);
  }

  private static CommandResult get(CompletionStage<CommandResult> s) throws Exception {
    return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void signedHostActsAndUnsignedHostMayOnlyStop() throws Exception {
    dev = open(KEY);
    assertThat(get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 10)).isOk()).isTrue();
    dev.close();

    dev = open(null);
    // closing the signed controller ordered the device SAFE; leaving SAFE needs a signature
    Hil.await(Duration.ofSeconds(1), () -> dev.state() == org.dpem.hal.DeviceState.SAFE);
    CommandResult cleared = get(dev.clearFault(far()));
    assertThat(cleared.code()).as(cleared.toString()).isEqualTo(ResultCode.UNAUTHORIZED);
    assertThat(fw.state()).isEqualTo(org.dpem.protocol.message.DeviceStateCode.SAFE);
    CommandResult r = get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 20));
    assertThat(r.code()).as("refused by the host (SAFE) or the device (unsigned)").isIn(ResultCode.SAFE_STATE, ResultCode.UNAUTHORIZED);
    assertThat(((BenchPairSource) bench).reading().enabled()).isFalse();
    assertThat(get(dev.safe(far())).isOk()).as("stopping is never refused").isTrue();
    dev.close();

    dev = open(KEY);
    CommandResult signedClear = get(dev.clearFault(far()));
    assertThat(signedClear.isOk()).as(signedClear.toString()).isTrue();
    assertThat(Hil.await(Duration.ofSeconds(1), () -> dev.state() == org.dpem.hal.DeviceState.READY)).isTrue();
  }

  @Test
  void spoofedAndReplayedCommandsAreRejected() throws Exception {
    dev = open(KEY);
    long executed = fw.executedCommands();
    Message.Command cmd = new Message.Command(123456, 0, 0, new Operation.EnableSource("n3", 77));
    long counter = java.time.Instant.now().toEpochMilli() * 1000 + 5_000_000;
    // a forger without the key, posing as another host (src 2) so the real host is not disturbed
    byte[] spoof = new PacketCodec(new Signer(WRONG.keyId(), WRONG.key(), counter), null, false)
        .encode(2, 1, 1, cmd);
    // a genuine signed packet from src 2, sent twice: the copy is a replay
    byte[] genuine = new PacketCodec(new Signer(KEY.keyId(), KEY.key(), counter), null, false)
        .encode(2, 1, 2, cmd);
    // bytes written into the host-side pty travel to the firmware
    try (FileOutputStream wire = new FileOutputStream(pty.a().toFile())) {
      wire.write(FrameEncoder.frame(spoof));
    }
    assertThat(Hil.await(Duration.ofSeconds(2),
        () -> fw.counters().count(RejectReason.BAD_SIGNATURE) == 1)).isTrue();
    assertThat(fw.executedCommands()).isEqualTo(executed);

    try (FileOutputStream wire = new FileOutputStream(pty.a().toFile())) {
      wire.write(FrameEncoder.frame(genuine));
    }
    assertThat(Hil.await(Duration.ofSeconds(2), () -> fw.executedCommands() == executed + 1)).isTrue();
    try (FileOutputStream wire = new FileOutputStream(pty.a().toFile())) {
      wire.write(FrameEncoder.frame(genuine));
    }
    assertThat(Hil.await(Duration.ofSeconds(2),
        () -> fw.counters().count(RejectReason.REPLAY) == 1)).isTrue();
    assertThat(fw.executedCommands()).isEqualTo(executed + 1);
    // the real host is unaffected
    assertThat(get(((RemotePairSource) dev).enable(AllocationId.of(2), far(), NodeId.of("n2"), 30)).isOk()).isTrue();
  }
}
