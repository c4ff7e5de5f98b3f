package org.dpem.driver.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MqttLinkTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void embeddedBrokerCarriesMessagesAndRetainedStateReachesLateSubscribers() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, BrokerAccess.anyone())) {
      assertThat(broker.port()).isPositive();
      MqttLink pub = new MqttLink(MqttSettings.of(broker.url(), "pub"), null, null);
      pub.start();
      pub.publishAndWait("t/state", b("ready"), 1, true, 2000);
      List<String> got = new CopyOnWriteArrayList<>();
      MqttLink sub = new MqttLink(MqttSettings.of(broker.url(), "sub"), null, null);
      sub.subscribe("t/#", 1, (topic, p) -> got.add(topic + "=" + new String(p, StandardCharsets.UTF_8)));
      sub.start();
      assertThat(Hil.await(Duration.ofSeconds(3), () -> got.contains("t/state=ready"))).isTrue();
      // QoS 1 back to back: far past Paho's default window of 10, so 32202 would show here
      // A full window is back-pressure (LinkBusyException), not loss: a producer backs off and
      // re-sends, which a loaded machine makes happen now and then.
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      for (int i = 0; i < 3000; i++) {
        while (true) {
          try {
            pub.publish("t/tele", b("x" + i), 1, false);
            break;
          } catch (LinkBusyException busy) {
            assertThat(System.nanoTime()).as("window never drained").isLessThan(until);
            Thread.sleep(5);
          }
        }
      }
      Hil.await(Duration.ofSeconds(10),
          () -> got.stream().filter(s -> s.startsWith("t/tele")).count() == 3000);
      assertThat(got.stream().filter(s -> s.startsWith("t/tele")).count()).isEqualTo(3000);
      pub.close();
      sub.close();
    }
  }

  @Test
  void willFiresWhenAClientDiesAndPublishingWhileDownFailsAtOnce() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(0, BrokerAccess.anyone())) {
      List<String> got = new CopyOnWriteArrayList<>();
      MqttLink watcher = new MqttLink(MqttSettings.of(broker.url(), "watcher"), null, null);
      watcher.subscribe("d/state", 1, (t, p) -> got.add(new String(p, StandardCharsets.UTF_8)));
      watcher.start();
      MqttLink dev = new MqttLink(MqttSettings.of(broker.url(), "dev"),
          () -> new MqttLink.Will("d/state", b("lost"), 1, true), null);
      dev.start();
      dev.publishAndWait("d/state", b("ready"), 1, true, 2000);
      assertThat(Hil.await(Duration.ofSeconds(3), () -> got.contains("ready"))).isTrue();
      // the broker drops the client's socket: the Will must fire
      broker.close();
      assertThat(Hil.await(Duration.ofSeconds(3), () -> !dev.isConnected())).isTrue();
      assertThatThrownBy(() -> dev.publish("d/cmd", b("go"), 1, false))
          .isInstanceOf(LinkDownException.class).hasMessageContaining("down");
      dev.close();
      watcher.close();
    }
  }

  @Test
  void reconnectsAfterAMosquittoRestartWithSubscriptionsRestoredAndWillRenewed() throws Exception {
    Hil.requireBinary("mosquitto");
    int port = Hil.freePort();
    Mosquitto m = Mosquitto.start(port);
    try {
      AtomicInteger wills = new AtomicInteger();
      AtomicInteger ups = new AtomicInteger();
      AtomicInteger downs = new AtomicInteger();
      List<String> got = new CopyOnWriteArrayList<>();
      MqttLink sub = new MqttLink(MqttSettings.of(m.url(), "sub"),
          () -> new MqttLink.Will("s/state", b("lost-" + wills.incrementAndGet()), 1, true),
          new MqttLink.ConnectionListener() {
            @Override
            public void onConnected(boolean reconnect) {
              ups.incrementAndGet();
            }

            @Override
            public void onConnectionLost(String reason) {
              downs.incrementAndGet();
            }
          });
      sub.subscribe("x/#", 1, (t, p) -> got.add(new String(p, StandardCharsets.UTF_8)));
      sub.start();
      MqttLink pub = new MqttLink(MqttSettings.of(m.url(), "pub"), null, null);
      pub.start();
      pub.publishAndWait("x/1", b("before"), 1, false, 2000);
      assertThat(Hil.await(Duration.ofSeconds(3), () -> got.contains("before"))).isTrue();

      m.kill();
      assertThat(Hil.await(Duration.ofSeconds(3), () -> downs.get() == 1)).isTrue();
      m = Mosquitto.start(port);
      assertThat(Hil.await(Duration.ofSeconds(8), () -> ups.get() == 2 && pub.isConnected())).isTrue();
      pub.publishAndWait("x/2", b("after"), 1, false, 2000);
      assertThat(Hil.await(Duration.ofSeconds(3), () -> got.contains("after"))).isTrue();
      assertThat(wills.get()).as("a fresh Will per connection").isGreaterThanOrEqualTo(2);
      pub.close();
      sub.close();
    } finally {
      m.close();
    }
  }

  @Test
  void topicFilterMatching() {
    assertThat(MqttLink.matches("a/+/c", "a/b/c")).isTrue();
    assertThat(MqttLink.matches("a/#", "a/b/c")).isTrue();
    assertThat(MqttLink.matches("a/+", "a/b/c")).isFalse();
    assertThat(MqttLink.matches("a/b", "a/b")).isTrue();
    assertThat(MqttLink.matches("a/b/c", "a/b")).isFalse();
  }

  @Test
  void badUrlIsAClearError() {
    assertThatThrownBy(() -> MqttSettings.of("http://x", "c"))
        .hasMessageContaining("http://x").hasMessageContaining("tcp://");
  }
}
