package org.dpem.driver.transport;

import java.time.Duration;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * How to reach an MQTT broker.
 *
 * @param serverUri {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId the client id; unique per broker
 * @param username optional user name (null for anonymous)
 * @param password optional password (null for none)
 * @param socketFactory optional socket factory, e.g. from an {@code SSLContext} with a private
 *     trust store for {@code ssl://}; null for the platform default
 * @param keepAliveSeconds MQTT keep-alive; the broker declares the client gone after 1.5 times this
 * @param connectTimeout how long one connection attempt may take
 * @param reconnectMin first delay before reconnecting after a loss
 * @param reconnectMax longest delay between reconnection attempts
 * @param maxInflight Paho's in-flight window; the default 10 fails publishes under load
 */
public record MqttSettings(String serverUri, String clientId, String username, char[] password,
    SocketFactory socketFactory, int keepAliveSeconds, Duration connectTimeout,
    Duration reconnectMin, Duration reconnectMax, int maxInflight) {

  public MqttSettings {
    Objects.requireNonNull(serverUri, "serverUri");
    Objects.requireNonNull(clientId, "clientId");
    if (!(serverUri.startsWith("tcp://") || serverUri.startsWith("ssl://"))) {
      throw new IllegalArgumentException(
          "MQTT broker URL '" + serverUri + "' must start with tcp:// or ssl://");
    }
    if (keepAliveSeconds < 1) {
      throw new IllegalArgumentException("keep-alive must be >= 1 s, got " + keepAliveSeconds);
    }
    password = password == null ? null : password.clone();
  }

  /** Anonymous plain TCP, keep-alive 5 s, reconnect from 100 ms up to 2 s, in-flight 1000. */
  public static MqttSettings of(String serverUri, String clientId) {
    return new MqttSettings(serverUri, clientId, null, null, null, 5, Duration.ofSeconds(3),
        Duration.ofMillis(100), Duration.ofSeconds(2), 1000);
  }

  public MqttSettings withCredentials(String user, char[] pass) {
    return new MqttSettings(serverUri, clientId, user, pass, socketFactory, keepAliveSeconds,
        connectTimeout, reconnectMin, reconnectMax, maxInflight);
  }

  public MqttSettings withSocketFactory(SocketFactory factory) {
    return new MqttSettings(serverUri, clientId, username, password, factory, keepAliveSeconds,
        connectTimeout, reconnectMin, reconnectMax, maxInflight);
  }

  public MqttSettings withKeepAlive(int seconds) {
    return new MqttSettings(serverUri, clientId, username, password, socketFactory, seconds,
        connectTimeout, reconnectMin, reconnectMax, maxInflight);
  }

  public MqttSettings withClientId(String id) {
    return new MqttSettings(serverUri, id, username, password, socketFactory, keepAliveSeconds,
        connectTimeout, reconnectMin, reconnectMax, maxInflight);
  }
}
