package org.dpem.driver.transport;

import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Properties;

/**
 * An in-process MQTT broker (Moquette) for runs and tests that need no external one: loopback
 * only, anonymous, no persistence, and telemetry off (it defaults to on and then calls outside
 * hosts at start-up).
 */
public final class EmbeddedBroker implements AutoCloseable {
  /** Largest MQTT message the broker accepts. */
  public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + 64 * 1024;

  private final Server server;
  private final int port;
  private boolean running = true;

  private EmbeddedBroker(Server server, int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts a broker on 127.0.0.1.
   *
   * @param port the TCP port, or 0 for a free one ({@link #port()} tells which)
   * @throws IOException naming the port if it cannot listen
   */
  public static EmbeddedBroker start(int port) throws IOException {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("broker port must be 0-65535, got " + port);
    }
    // Moquette 0.17 reports the configured port, not the bound one, so 0 is resolved here; the
    // port could be taken between probe and bind, hence a few attempts.
    IOException last = null;
    for (int attempt = 0; attempt < (port == 0 ? 5 : 1); attempt++) {
      int p = port == 0 ? probeFreePort() : port;
      try {
        return startOn(p);
      } catch (IOException e) {
        last = e;
      }
    }
    throw last;
  }

  private static int probeFreePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static EmbeddedBroker startOn(int port) throws IOException {
    Properties p = new Properties();
    p.setProperty(IConfig.HOST_PROPERTY_NAME, "127.0.0.1");
    p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(port));
    p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
    p.setProperty(IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
    p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    p.setProperty(IConfig.WEB_SOCKET_PORT_PROPERTY_NAME, "disabled");
    // Moquette refuses messages over 8092 bytes by default and drops the connection; federation
    // carries whole models (PROTOCOL.md, "Federation": up to 16 MiB of parameters)
    p.setProperty(IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(MAX_MESSAGE_BYTES));
    Server server = new Server();
    try {
      server.startServer(new MemoryConfig(p), List.of());
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot start the embedded MQTT broker on 127.0.0.1:" + port + ": " + e, e);
    }
    return new EmbeddedBroker(server, port);
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  /** {@code tcp://127.0.0.1:PORT}. */
  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  @Override
  public synchronized void close() {
    if (running) {
      running = false;
      server.stopServer();
    }
  }
}
