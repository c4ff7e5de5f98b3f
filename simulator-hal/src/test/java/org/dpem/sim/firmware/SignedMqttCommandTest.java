package org.dpem.sim.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.DriverSpec;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.RemotePairSource;
import org.dpem.driver.transport.BrokerAccess;
import org.dpem.driver.transport.BrokerCredentials;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.driver.transport.MqttTopics;
import org.dpem.hal.AllocationId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.DeviceState;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.ResultCode;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.protocol.message.DeviceStateCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signing over the embedded broker as dpem runs it (authenticated, per-device ACLs): even a client
 * holding the controller's broker password cannot take a device out of SAFE without the key.
 */
class SignedMqttCommandTest {
  WallClockTimeBase time;
  EmbeddedBroker broker;
  DriverFactory factory;
  BenchDevice bench;
  VirtualFirmware fw;
  RemoteDevice dev;

  @BeforeEach
  void up() throws Exception {
    Hil.quietLogs();
    time = new WallClockTimeBase();
    BrokerCredentials creds = BrokerCredentials.inMemory(List.of("src-m"));
    broker = EmbeddedBroker.start(0, BrokerAccess.of(creds, List.of(new MqttTopics("lab", "src-m"))));
    bench = BenchDevices.create(DeviceKind.SOURCE, "src-m", "n1", time);
    fw = VirtualFirmware.mqtt(bench, MqttSettings.of(broker.url(), "fw-src-m")
            .withCredentials("src-m", creds.password("src-m").orElseThrow()), "lab",
        FirmwareConfig.defaults().withSigningKey(SignedCommandTest.KEY), time).start();
    factory = new DriverFactory(time, "test-host");
  }

  @AfterEach
  void down() {
    if (dev != null) {
      dev.close();
    }
    fw.close();
    factory.close();
    broker.close();
    time.close();
  }

  private RemoteDevice open(org.dpem.driver.SigningKey key) throws Exception {
    char[] pw = broker.access().credentials().password(BrokerCredentials.CONTROLLER).orElseThrow();
    return factory.open(DriverSpec.of("src-m", "n1", DeviceKind.SOURCE,
            new Endpoint.Mqtt(broker.url(), "lab", BrokerCredentials.CONTROLLER, pw, null))
        .withSigningKey(key), Duration.ofSeconds(5));
  }

  private long far() {
    return time.nowNanos() + TimeUnit.SECONDS.toNanos(5);
  }

  private static CommandResult get(CompletionStage<CommandResult> s) throws Exception {
    return s.toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void unsignedClearFaultIsRefusedAndTheDeviceStaysSafe() throws Exception {
    dev = open(null);
    assertThat(get(dev.safe(far())).isOk()).as("stopping needs no signature").isTrue();
    assertThat(Hil.await(Duration.ofSeconds(2), () -> fw.state() == DeviceStateCode.SAFE)).isTrue();
    CommandResult cleared = get(dev.clearFault(far()));
    assertThat(cleared.code()).as(cleared.toString()).isEqualTo(ResultCode.UNAUTHORIZED);
    CommandResult enable = get(((RemotePairSource) dev).enable(AllocationId.of(1), far(), NodeId.of("n2"), 5));
    assertThat(enable.code()).isIn(ResultCode.SAFE_STATE, ResultCode.UNAUTHORIZED);
    assertThat(fw.state()).isEqualTo(DeviceStateCode.SAFE);
    assertThat(((BenchPairSource) bench).reading().enabled()).isFalse();
    dev.close();

    dev = open(SignedCommandTest.KEY);
    CommandResult signed = get(dev.clearFault(far()));
    assertThat(signed.isOk()).as(signed.toString()).isTrue();
    assertThat(Hil.await(Duration.ofSeconds(2), () -> dev.state() == DeviceState.READY)).isTrue();
  }
}
