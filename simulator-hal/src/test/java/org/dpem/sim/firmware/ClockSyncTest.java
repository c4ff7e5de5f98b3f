package org.dpem.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.DriverSpec;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.session.SessionConfig;
import org.dpem.driver.transport.MqttPacketPort;
import org.dpem.driver.transport.PtyPair;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.time.TimeBase;
import org.dpem.hal.time.WallClockTimeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host follows the device's clock over a real pty: the firmware runs on a clock that is 2 s
 * ahead of the host's and then jumps a further 50 ms; the periodic TIME_SYNC picks up both.
 */
class ClockSyncTest {
  @TempDir Path dir;

  /** The device's own clock: the host's plus an offset that the test can step. */
  private static final class DeviceClock implements TimeBase {
    final TimeBase host;
    volatile long aheadNanos = 2_000_000_000L;

    DeviceClock(TimeBase host) {
      this.host = host;
    }

    @Override
    public long nowNanos() {
      return host.nowNanos() + aheadNanos;
    }

    @Override
    public Scheduled schedule(long delayNanos, Runnable task) {
      return host.schedule(delayNanos, task);
    }
  }

  @Test
  void theSessionFollowsAStepInTheDeviceClock() throws Exception {
    Hil.quietLogs();
    Hil.requireBinary("socat");
    try (WallClockTimeBase host = new WallClockTimeBase();
        PtyPair pty = PtyPair.start(dir.resolve("host"), dir.resolve("dev"))) {
      DeviceClock deviceClock = new DeviceClock(host);
      var bench = BenchDevices.create(DeviceKind.SOURCE, "src-1", "n1", deviceClock);
      VirtualFirmware fw = VirtualFirmware.serial(bench,
          new SerialSettings(pty.b(), 115200, dir, Duration.ofMillis(20)),
          FirmwareConfig.defaults(), deviceClock).start();
      DriverFactory factory = new DriverFactory(host,
          SessionConfig.controller("test-host").withTimeSync(Duration.ofMillis(200)),
          MqttPacketPort.Role.HOST);
      RemoteDevice dev = factory.open(DriverSpec.of("src-1", "n1", DeviceKind.SOURCE,
          new Endpoint.Serial(pty.a(), 115200)), Duration.ofSeconds(3));
      try {
        // within a pty round trip (a few ms) of the truth
        assertThat(Hil.await(Duration.ofSeconds(3),
            () -> Math.abs(dev.session().clockOffsetMicros() - 2_000_000) < 5_000)).isTrue();
        deviceClock.aheadNanos += 50_000_000L;
        assertThat(Hil.await(Duration.ofSeconds(3),
            () -> Math.abs(dev.session().clockOffsetMicros() - 2_050_000) < 5_000))
            .as("offset after the step: %d us", dev.session().clockOffsetMicros()).isTrue();
      } finally {
        dev.close();
        fw.close();
        factory.close();
      }
    }
  }
}
