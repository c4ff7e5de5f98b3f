package org.dpem.config.controller;

import java.nio.file.Path;
import java.util.Objects;

/** PEM certificate chain and private key for the admin socket. */
public record TlsConfig(Path cert, Path key) {
  public TlsConfig {
    Objects.requireNonNull(cert);
    Objects.requireNonNull(key);
  }
}
