package org.dpem.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.dpem.driver.transport.PtyPair;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.sim.firmware.BenchDevices;
import org.dpem.sim.firmware.FirmwareConfig;
import org.dpem.sim.firmware.VirtualFirmware;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dpem device} against virtual firmware on the far end of a real socat pty pair. */
class DeviceCommandTest {
  @TempDir Path dir;
  WallClockTimeBase time;
  PtyPair pty;
  VirtualFirmware fw;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void up() throws Exception {
    if (!PtyPair.socatAvailable()) {
      if ("1".equals(System.getenv("DPEM_REQUIRE_HIL"))) {
        fail("socat is not installed (DPEM_REQUIRE_HIL=1 turns the skip into a failure)");
      }
      assumeTrue(false, "socat is not installed: skipped (set DPEM_REQUIRE_HIL=1 to fail instead)");
    }
    time = new WallClockTimeBase();
    pty = PtyPair.start(dir.resolve("host"), dir.resolve("dev"));
    fw = VirtualFirmware.serial(BenchDevices.create(DeviceKind.SOURCE, "src-7", "n7", time),
        new SerialSettings(pty.b(), 115200, dir, Duration.ofMillis(20)), FirmwareConfig.defaults(),
        time).start();
  }

  @AfterEach
  void down() {
    if (fw != null) {
      fw.close();
    }
    if (pty != null) {
      pty.close();
    }
    if (time != null) {
      time.close();
    }
  }

  private static Run dpem(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new DpemCommand());
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void readmeSequenceAtTypingSpeedFindsTheDeviceReady() throws Exception {
    // the README's lab-tool sequence, with an operator's pauses: past the firmware's default
    // dead-man (3 s), which a lab tool must not arm
    Run info = dpem("device", "--serial", pty.a().toString(), "info", "--json");
    assertThat(info.exit()).as(info.err()).isZero();
    Thread.sleep(3500);
    Run set = dpem("device", "--serial", pty.a().toString(), "set", "rate", "5");
    assertThat(set.exit()).as(set.out() + set.err()).isZero();
    Thread.sleep(3500);
    Run again = dpem("device", "--serial", pty.a().toString(), "info", "--json");
    assertThat(new ObjectMapper().readTree(again.out()).get("state").asText()).isEqualTo("READY");
    assertThat(fw.state()).isEqualTo(org.dpem.protocol.message.DeviceStateCode.READY);
  }

  @Test
  void infoJsonShowsIdentityStateFirmwareAndLimits() throws Exception {
    Run r = dpem("device", "--serial", pty.a().toString(), "info", "--json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("device_id").asText()).isEqualTo("src-7");
    assertThat(j.get("kind").asText()).isEqualTo("source");
    assertThat(j.get("state").asText()).isEqualTo("READY");
    assertThat(j.get("firmware").asText()).isEqualTo("vfw-0.1");
    assertThat(j.get("limits").get("rate").get("min").asDouble()).isEqualTo(0);
    assertThat(j.get("limits").get("rate").get("max").asDouble()).isEqualTo(1_000_000);
    assertThat(j.get("limits").get("rate").get("unit").asText()).isEqualTo("pairs/s");
  }

  @Test
  void outOfLimitSetIsRefusedWithItsCodeAndNonZeroExit() {
    long before = fw.commandsReceived();
    Run r = dpem("device", "--serial", pty.a().toString(), "set", "rate", "2e6");
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err()).contains("OUT_OF_LIMITS").contains("exceeds max 1000000");
    assertThat(fw.commandsReceived()).isEqualTo(before);
    Run ok = dpem("device", "--serial", pty.a().toString(), "set", "rate", "5000", "--json");
    assertThat(ok.exit()).as(ok.err()).isZero();
    assertThat(ok.out()).contains("\"result\":\"OK\"");
  }

  @Test
  void aLinkThatIsGoneGivesAClearErrorWithinTheTimeout() {
    pty.kill();
    long t0 = System.nanoTime();
    Run r = dpem("device", "--serial", pty.a().toString(), "--timeout", "1", "info");
    double took = (System.nanoTime() - t0) / 1e9;
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("UNREACHABLE").contains(pty.a().toString());
    assertThat(took).isLessThan(3.0);
  }
}
