package org.dpem.controller.cli;

import java.io.IOException;
import java.net.BindException;
import org.dpem.config.DpemConfig;
import org.dpem.controller.admin.AdminBackend;
import org.dpem.controller.admin.AdminServer;
import org.dpem.controller.admin.AdminServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dpem.controller.hil.HilDevices;
import org.dpem.driver.transport.BrokerAccess;
import org.dpem.driver.transport.BrokerCredentials;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.MqttTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What starts with {@code dpem run} besides the loop: the embedded MQTT broker (when the config
 * says {@code broker: embedded}) and the admin socket. Both are up before the first epoch and go
 * down after the last, so an operator can always reach a running controller.
 */
final class Services implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Services.class);

  private final EmbeddedBroker broker;
  private final AdminServer admin;

  private Services(EmbeddedBroker broker, AdminServer admin) {
    this.broker = broker;
    this.admin = admin;
  }

  /** A service that could not start; the message names which and why. */
  static final class StartException extends Exception {
    StartException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Starts the broker, then the admin socket.
   *
   * @param adminPort overrides the config's admin port when not null
   * @param brokerPort the embedded broker's preferred port; when taken, a free one is used
   */
  static Services start(DpemConfig cfg, Integer adminPort, int brokerPort, AdminBackend backend)
      throws StartException {
    EmbeddedBroker broker = null;
    if (cfg.controller().broker().isEmbedded()) {
      broker = startBroker(brokerPort, brokerAccess(cfg));
    }
    try {
      AdminServerConfig.Builder b =
          AdminServerConfig.fromConfig(cfg.controller().admin(), System.getenv());
      if (adminPort != null) {
        b.port(adminPort);
      }
      AdminServerConfig ac = b.build();
      AdminServer admin = AdminServer.start(ac, backend);
      LOG.info("admin socket on {}", admin.address());
      return new Services(broker, admin);
    } catch (IOException | IllegalArgumentException e) {
      // IllegalArgumentException: a token file whose content is no token
      if (broker != null) {
        broker.close();
      }
      int port = adminPort != null ? adminPort : cfg.controller().admin().port();
      throw new StartException("admin socket on " + cfg.controller().admin().address() + ":" + port
          + " cannot start: " + e.getMessage()
          + (e instanceof BindException ? " (is another controller running? use --admin-port)" : ""),
          e);
    }
  }

  /** Credentials from the owner-only file, with a user for every device on the embedded broker. */
  private static BrokerAccess brokerAccess(DpemConfig cfg) throws StartException {
    Path file = BrokerCredentials.defaultFile();
    try {
      List<String> agents = federationAgents(cfg);
      List<String> users = new ArrayList<>(
          HilDevices.embeddedMqttDevices(cfg).stream().map(MqttTopics::deviceId).toList());
      agents.forEach(a -> users.add(agentUser(a)));
      BrokerCredentials c = BrokerCredentials.loadOrCreate(file, users);
      LOG.info("embedded MQTT broker users from {}", file);
      BrokerAccess access = HilDevices.brokerAccess(cfg, c);
      for (String a : agents) {
        // an agent sends its own updates and reads the rounds; nothing else
        access = access.withClient(agentUser(a), List.of(FEDERATION_PREFIX + "/fed/update/" + a),
            List.of(FEDERATION_PREFIX + "/fed/round"));
      }
      return access;
    } catch (IOException | IllegalArgumentException e) {
      throw new StartException("embedded MQTT broker credentials: " + e.getMessage(), e);
    }
  }

  /** The topic prefix federation uses on the controller's broker. */
  static final String FEDERATION_PREFIX = "dpem";

  /** The broker user of federation agent {@code node}. */
  static String agentUser(String node) {
    return "agent-" + node;
  }

  private static List<String> federationAgents(DpemConfig cfg) throws IOException {
    var f = cfg.controller().federation();
    if (!f.enabled() || f.keys().isEmpty()) {
      return List.of();
    }
    return org.dpem.controller.federation.FederationKeys.read(f.keys().get()).agents();
  }

  private static EmbeddedBroker startBroker(int port, BrokerAccess access) throws StartException {
    try {
      EmbeddedBroker b = EmbeddedBroker.start(port, access);
      LOG.info("embedded MQTT broker on {}", b.url());
      return b;
    } catch (IOException taken) {
      if (port == 0) {
        throw new StartException("embedded MQTT broker cannot start: " + taken.getMessage(), taken);
      }
      try {
        EmbeddedBroker b = EmbeddedBroker.start(0, access);
        LOG.warn("port {} is taken ({}); embedded MQTT broker on {} instead", port,
            taken.getMessage(), b.url());
        return b;
      } catch (IOException e) {
        throw new StartException("embedded MQTT broker cannot start: " + e.getMessage(), e);
      }
    }
  }

  /** The embedded broker, or null when the config names an external one. */
  EmbeddedBroker broker() {
    return broker;
  }

  @Override
  public void close() {
    admin.close();
    if (broker != null) {
      broker.close();
    }
  }
}
