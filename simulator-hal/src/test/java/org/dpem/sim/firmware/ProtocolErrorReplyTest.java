package org.dpem.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.dpem.driver.transport.PacketPort;
import org.dpem.driver.transport.PtyPair;
import org.dpem.driver.transport.SerialPacketPort;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.protocol.Addresses;
import org.dpem.protocol.Packet;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.RejectReason;
import org.dpem.protocol.message.DeviceStateCode;
import org.dpem.protocol.message.Message;
import org.dpem.protocol.message.MessageType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROTOCOL.md section 7 on the firmware's side of a real pty pair: bad packets are answered with
 * PROTOCOL_ERROR only when their header can be trusted, was addressed to the device and was not a
 * PROTOCOL_ERROR, and never more than 10 a second.
 */
class ProtocolErrorReplyTest {
  @TempDir Path dir;
  WallClockTimeBase time;
  PtyPair pty;
  VirtualFirmware fw;
  SerialPacketPort host;
  final AtomicInteger errors = new AtomicInteger();
  final PacketCodec codec = new PacketCodec();
  final int device = FirmwareConfig.defaults().address();
  long seq = 1;

  @BeforeEach
  void up() throws Exception {
    Hil.quietLogs();
    Hil.requireBinary("socat");
    time = new WallClockTimeBase();
    pty = PtyPair.start(dir.resolve("host"), dir.resolve("dev"));
    fw = VirtualFirmware.serial(BenchDevices.create(DeviceKind.SOURCE, "src-1", "n1", time),
        new SerialSettings(pty.b(), 115200, dir, Duration.ofMillis(20)), FirmwareConfig.defaults(),
        time).start();
    host = new SerialPacketPort(new SerialSettings(pty.a(), 115200, dir, Duration.ofMillis(20)), codec);
    host.start(new PacketPort.Receiver() {
      @Override
      public void onPacket(Packet p) {
        if (p.message().type() == MessageType.PROTOCOL_ERROR) {
          errors.incrementAndGet();
        }
      }

      @Override
      public void onUp() {}

      @Override
      public void onDown(String reason) {}
    });
    assertThat(Hil.await(Duration.ofSeconds(3), host::isUp)).isTrue();
  }

  @AfterEach
  void down() {
    for (AutoCloseable c : new AutoCloseable[] {host, fw, pty, time}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // closing what a failed set-up left
      }
    }
  }

  private byte[] heartbeat(int dst) {
    return codec.encode(Addresses.HOST, dst, seq++, new Message.Heartbeat(1, DeviceStateCode.READY, 0));
  }

  private void send(byte[] packet) throws Exception {
    host.send(new Message.Heartbeat(1, DeviceStateCode.READY, 0), packet);
  }

  /** Sends {@code n} packets, waits for the firmware to have dropped them, returns the answers. */
  private int answersTo(int n, java.util.function.Supplier<byte[]> bad, RejectReason reason)
      throws Exception {
    long before = fw.counters().count(reason);
    int answered = errors.get();
    for (int i = 0; i < n; i++) {
      send(bad.get());
    }
    assertThat(Hil.await(Duration.ofSeconds(3), () -> fw.counters().count(reason) >= before + n))
        .as("firmware counted %d %s", n, reason).isTrue();
    Thread.sleep(200); // answers in flight
    return errors.get() - answered;
  }

  @Test
  void framesWhoseHeaderCannotBeTrustedAreOnlyCounted() throws Exception {
    int answered = answersTo(30, () -> {
      byte[] p = heartbeat(device);
      p[p.length - 1] ^= 0x5a;
      return p;
    }, RejectReason.BAD_CRC);
    assertThat(answered).isZero();
  }

  @Test
  void aPacketForAnotherDeviceOrAProtocolErrorIsNeverAnswered() throws Exception {
    // an undefined msg_id: a readable header, dropped UNKNOWN_MESSAGE
    assertThat(answersTo(5, () -> {
      byte[] p = heartbeat(0x42);
      p[5] = 0x66;
      return p;
    }, RejectReason.UNKNOWN_MESSAGE)).as("addressed to another device").isZero();
    assertThat(answersTo(5, () -> {
      byte[] p = codec.encode(Addresses.HOST, device, seq++,
          new Message.ProtocolError(RejectReason.BAD_CRC, 4, 1, "x"));
      p[1] = (byte) 0x80; // an incompatible flag nobody knows
      return p;
    }, RejectReason.UNKNOWN_INCOMPAT_FLAG)).as("a PROTOCOL_ERROR").isZero();
  }

  @Test
  void answersAreLimitedToTenASecond() throws Exception {
    long t0 = System.nanoTime();
    int answered = answersTo(60, () -> {
      byte[] p = heartbeat(device);
      p[5] = 0x66;
      return p;
    }, RejectReason.UNKNOWN_MESSAGE);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertThat(answered).as("answers to 60 bad packets in %.2f s", seconds).isPositive()
        .isLessThanOrEqualTo(ProtocolErrorReplies.PER_SECOND * (int) Math.ceil(seconds));
  }
}
