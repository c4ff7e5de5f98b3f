package org.dpem.driver.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded broker as dpem starts it: credentials from an owner-only file, per-device ACLs. */
class EmbeddedBrokerAccessTest {
  @TempDir Path dir;
  EmbeddedBroker broker;
  BrokerCredentials creds;
  final List<MqttLink> links = new CopyOnWriteArrayList<>();
  final List<String> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void up() throws Exception {
    creds = BrokerCredentials.loadOrCreate(dir.resolve("broker.credentials"),
        List.of("dev-a", "dev-b", "agent-n1"));
    broker = EmbeddedBroker.start(0, BrokerAccess.of(creds,
        List.of(new MqttTopics("lab", "dev-a"), new MqttTopics("lab", "dev-b")))
        .withClient("agent-n1", List.of("dpem/fed/update/n1"), List.of("dpem/fed/round")));
    // the controller sees everything that gets through
    MqttLink spy = link(BrokerCredentials.CONTROLLER, "spy");
    spy.subscribe("#", 1, (t, p) -> seen.add(t + "=" + new String(p, StandardCharsets.UTF_8)));
  }

  @AfterEach
  void down() {
    links.forEach(MqttLink::close);
    broker.close();
  }

  private MqttLink link(String user, String clientId) throws Exception {
    MqttSettings s = MqttSettings.of(broker.url(), clientId);
    if (user != null) {
      s = s.withCredentials(user, creds.password(user).orElseThrow());
    }
    MqttLink l = new MqttLink(s, null, null);
    links.add(l);
    l.start();
    return l;
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Publishes a marker the device may publish, so that once it arrives, earlier ones would have. */
  private void fence(MqttLink device, String marker) throws Exception {
    device.publishAndWait("lab/dev-a/tele", b(marker), 1, false, 2000);
    assertThat(Hil.await(Duration.ofSeconds(3), () -> seen.contains("lab/dev-a/tele=" + marker)))
        .as("the device's own telemetry gets through").isTrue();
  }

  @Test
  void credentialsFileIsOwnerOnlyAndKeepsPasswordsAcrossStarts() throws Exception {
    Path f = dir.resolve("broker.credentials");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
    String before = Files.readString(f);
    assertThat(before).contains("controller ").contains("dev-a ").contains("dev-b ");
    BrokerCredentials again = BrokerCredentials.loadOrCreate(f, List.of("dev-a", "dev-c"));
    assertThat(again.password("dev-a").orElseThrow()).isEqualTo(creds.password("dev-a").orElseThrow());
    assertThat(Files.readString(f)).startsWith(before).contains("dev-c ");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> BrokerCredentials.loadOrCreate(f, List.of()))
        .hasMessageContaining("chmod 600");
  }

  @Test
  void anonymousAndWrongPasswordClientsAreRefused() throws Exception {
    MqttLink anon = new MqttLink(MqttSettings.of(broker.url(), "anon"), null, null);
    links.add(anon);
    assertThatThrownBy(anon::start).isInstanceOf(LinkDownException.class);
    MqttLink wrong = new MqttLink(MqttSettings.of(broker.url(), "wrong")
        .withCredentials("dev-a", "not-the-password".toCharArray()), null, null);
    links.add(wrong);
    assertThatThrownBy(wrong::start).isInstanceOf(LinkDownException.class);
    MqttLink stranger = new MqttLink(MqttSettings.of(broker.url(), "stranger")
        .withCredentials("nobody", "x".toCharArray()), null, null);
    links.add(stranger);
    assertThatThrownBy(stranger::start).isInstanceOf(LinkDownException.class);
  }

  @Test
  void deviceCannotCommandSpeakForTheControllerOrPublishUnderAnotherDevice() throws Exception {
    MqttLink devA = link("dev-a", "fw-a");
    // the broker drops a forbidden publish without an answer (MQTT 3.1.1 has no refusal code)
    devA.publish("lab/dev-b/cmd/1", b("forged-command"), 1, false);
    devA.publish("lab/dev-a/cmd/2", b("own-command"), 1, false);
    devA.publish("lab/dev-b/state", b("forged-state"), 1, true);
    devA.publish("lab/dev-a/controller", b("offline"), 1, true);
    devA.publish("lab/dev-a/down", b("forged-heartbeat"), 1, false);
    devA.publish("other/dev-a/state", b("wrong-prefix"), 1, true);
    devA.publishAndWait("lab/dev-a/state", b("ready"), 1, true, 2000);
    fence(devA, "fence-1");
    assertThat(seen).contains("lab/dev-a/state=ready")
        .noneMatch(s -> s.contains("forged") || s.contains("own-command") || s.contains("wrong-prefix")
            || s.equals("lab/dev-a/controller=offline"));
  }

  @Test
  void anAgentMayPublishOnlyItsOwnUpdatesAndReadOnlyRounds() throws Exception {
    MqttLink agent = link("agent-n1", "agent");
    assertThatThrownBy(() -> agent.subscribe("dpem/fed/update/+", 1, (t, p) -> { }))
        .isInstanceOf(LinkDownException.class);
    agent.subscribe("dpem/fed/round", 1, (t, p) -> { });
    agent.publish("dpem/fed/update/n2", b("forged-update"), 1, false);
    agent.publish("lab/dev-a/cmd/1", b("forged-command"), 1, false);
    agent.publishAndWait("dpem/fed/update/n1", b("own-update"), 1, false, 2000);
    assertThat(Hil.await(Duration.ofSeconds(3), () -> seen.contains("dpem/fed/update/n1=own-update"))).isTrue();
    assertThat(seen).noneMatch(s -> s.contains("forged"));
  }

  @Test
  void deviceMayReadOnlyItsOwnCommandsAndTheControllerMayCommand() throws Exception {
    MqttLink devA = link("dev-a", "fw-a");
    assertThatThrownBy(() -> devA.subscribe("#", 1, (t, p) -> { }))
        .isInstanceOf(LinkDownException.class);
    assertThatThrownBy(() -> devA.subscribe("lab/dev-b/cmd/+", 1, (t, p) -> { }))
        .isInstanceOf(LinkDownException.class);
    List<String> got = new CopyOnWriteArrayList<>();
    devA.subscribe("lab/dev-a/cmd/+", 1, (t, p) -> got.add(t));
    MqttLink controller = link(BrokerCredentials.CONTROLLER, "host");
    controller.publishAndWait("lab/dev-a/cmd/7", b("enable"), 1, false, 2000);
    assertThat(Hil.await(Duration.ofSeconds(3), () -> got.contains("lab/dev-a/cmd/7"))).isTrue();
  }
}
