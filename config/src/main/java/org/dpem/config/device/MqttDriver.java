package org.dpem.config.device;

import java.util.Objects;
import org.dpem.config.BrokerRef;

/**
 * A device reached through an MQTT broker.
 *
 * @param broker {@code embedded} (the controller's own broker) or an external broker URL
 * @param topicPrefix topic root; the device's topics live under {@code <prefix>/<device id>/}
 */
public record MqttDriver(BrokerRef broker, String topicPrefix) implements DriverSpec {

  public static final String DEFAULT_TOPIC_PREFIX = "dpem";

  public MqttDriver {
    Objects.requireNonNull(broker);
    Objects.requireNonNull(topicPrefix);
  }

  @Override
  public DriverKind kind() {
    return DriverKind.MQTT;
  }
}
