package org.dpem.config.controller;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The admin socket.
 *
 * @param address bind address; loopback by default so nothing is exposed unless asked
 * @param port TCP port
 * @param token shared secret written inline (prefer {@code tokenFile})
 * @param tokenFile file holding the shared secret
 * @param tls present to serve TLS
 */
public record AdminConfig(String address, int port, Optional<String> token, Optional<Path> tokenFile,
    Optional<TlsConfig> tls) {

  public static final AdminConfig DEFAULT = new AdminConfig("127.0.0.1", 7700, Optional.empty(), Optional.empty(), Optional.empty());

  public AdminConfig {
    Objects.requireNonNull(address);
    Objects.requireNonNull(token);
    Objects.requireNonNull(tokenFile);
    Objects.requireNonNull(tls);
  }
}
