package org.dpem.config;

import java.net.URI;
import java.util.Optional;

/**
 * Which MQTT broker to use: {@code embedded} (the controller starts one in-process) or an external
 * broker URL {@code tcp://host:port} / {@code ssl://host:port}.
 */
public record BrokerRef(String value) {

  public static final BrokerRef EMBEDDED = new BrokerRef("embedded");

  public BrokerRef {
    if (value == null || value.isBlank()) throw new IllegalArgumentException("empty broker");
  }

  public boolean isEmbedded() {
    return "embedded".equals(value);
  }

  /** The external broker's URL; empty for the embedded broker. */
  public Optional<URI> uri() {
    return isEmbedded() ? Optional.empty() : Optional.of(URI.create(value));
  }
}
