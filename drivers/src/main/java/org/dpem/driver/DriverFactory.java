package org.dpem.driver;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.dpem.driver.session.DevicePolicy;
import org.dpem.driver.session.DeviceSession;
import org.dpem.driver.session.HandshakeResult;
import org.dpem.driver.session.SessionConfig;
import org.dpem.driver.transport.LinkDownException;
import org.dpem.driver.transport.MqttPacketPort;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.driver.transport.MqttTopics;
import org.dpem.driver.transport.PacketPort;
import org.dpem.driver.transport.SerialPacketPort;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceInfo;
import org.dpem.hal.NodeId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.safety.Limits;
import org.dpem.hal.time.TimeBase;
import org.dpem.protocol.PacketCodec;
import org.dpem.protocol.signing.Signer;

/**
 * Opens devices from device-database entries: the one place that turns (id, node, kind, serial
 * port or broker, optional key) into a {@link org.dpem.hal.Device}. Opening waits for the
 * handshake, because the device's own limits (its PARAM_DESCRIPTORs) must be known before any
 * command can pass the interlock; afterwards the session re-handshakes by itself whenever the link
 * returns.
 */
public final class DriverFactory implements AutoCloseable {
  private final TimeBase time;
  private final SessionConfig config;
  private final MqttPacketPort.Role mqttRole;
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "driver-retry");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param time the time base for heartbeats, timeouts and deadlines
   * @param config session timing; {@link SessionConfig#controller} for a controller
   * @param mqttRole {@code HOST} for a controller (it announces itself, and devices go safe when it
   *     dies), {@code OBSERVER} for a lab tool
   */
  public DriverFactory(TimeBase time, SessionConfig config, MqttPacketPort.Role mqttRole) {
    this.time = time;
    this.config = config;
    this.mqttRole = mqttRole;
  }

  /** A controller's factory. */
  public DriverFactory(TimeBase time, String hostId) {
    this(time, SessionConfig.controller(hostId), MqttPacketPort.Role.HOST);
  }

  /**
   * Connects to the device, handshakes and returns it; the capability interface matches
   * {@code spec.kind()} ({@link org.dpem.hal.PairSource}, {@link org.dpem.hal.QuantumMemory},
   * {@link org.dpem.hal.BellStateAnalyzer}).
   *
   * @throws DeviceOpenException naming the device and endpoint if there is no answer within
   *     {@code timeout}, or the device on the other end is not the one in {@code spec}
   */
  public RemoteDevice open(DriverSpec spec, Duration timeout) throws DeviceOpenException {
    return open(spec, timeout, true);
  }

  /**
   * Opens whatever device answers on {@code endpoint} and takes its identity from the handshake:
   * for lab tools. Over MQTT the device id is needed to find the topics.
   *
   * @param deviceId the device id (MQTT), or null on a serial port
   */
  public RemoteDevice discover(Endpoint endpoint, String deviceId, SigningKey key, Duration timeout)
      throws DeviceOpenException {
    if (endpoint instanceof Endpoint.Mqtt && deviceId == null) {
      throw new DeviceOpenException("a device id is needed to find a device over MQTT");
    }
    DriverSpec probe = new DriverSpec(DeviceId.of(deviceId == null ? "serial-device" : deviceId),
        NodeId.of("unknown"), DeviceKind.SOURCE, endpoint, key, Limits.NONE);
    return open(probe, timeout, false);
  }

  private RemoteDevice open(DriverSpec spec, Duration timeout, boolean checkIdentity)
      throws DeviceOpenException {
    PacketCodec codec = codec(spec.signingKey());
    PacketPort port = port(spec, codec);
    RemoteDevice[] holder = new RemoteDevice[1];
    DeviceSession session = new DeviceSession(spec.id().value(), port, codec, config, time,
        RemoteDevice.bridge(holder));
    HandshakeResult hs;
    try {
      hs = session.start().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      String why = port.isUp() ? "the link is up but the device did not answer HELLO"
          : "the link did not come up" + (port instanceof SerialPacketPort s
              && !s.lastOpenError().isEmpty() ? " (" + s.lastOpenError() + ")" : "");
      session.close();
      String who = checkIdentity ? "device " + spec.id() + " over " + spec.endpoint().describe()
          : "no device answered on " + spec.endpoint().describe();
      throw new DeviceOpenException(who + ": no handshake within " + timeout.toMillis() + " ms: " + why);
    } catch (InterruptedException e) {
      session.close();
      Thread.currentThread().interrupt();
      throw new DeviceOpenException("interrupted while opening " + spec.id());
    } catch (java.util.concurrent.ExecutionException e) {
      session.close();
      throw new DeviceOpenException("device " + spec.id() + ": " + e.getCause(), e.getCause());
    }
    if (!checkIdentity) {
      spec = new DriverSpec(DeviceId.of(hs.info().deviceId()), NodeId.of(hs.info().nodeId()),
          WireMapping.kind(hs.info().kind()), spec.endpoint(), spec.signingKey(), Limits.NONE);
    }
    String mismatch = mismatch(spec, hs);
    if (mismatch != null) {
      session.close();
      throw new DeviceOpenException("device on " + spec.endpoint().describe() + " is not "
          + spec.id() + ": " + mismatch);
    }
    DeviceInfo info = new DeviceInfo(spec.id(), spec.node(), spec.kind(), hs.info().model(),
        hs.info().firmware(), WireMapping.limits(hs.params()));
    DevicePolicy policy = new DevicePolicy(spec.id().value(), config, scheduler);
    RemoteDevice d = switch (spec.kind()) {
      case SOURCE -> new RemotePairSource(info, time, session, policy, hs);
      case MEMORY -> new RemoteQuantumMemory(info, time, session, policy, hs);
      case ANALYZER -> new RemoteBellStateAnalyzer(info, time, session, policy, hs);
    };
    try {
      d.narrowLimits(resolveOpenBounds(spec.configuredLimits(), info.limits()));
    } catch (RuntimeException e) {
      session.close();
      throw new DeviceOpenException("device " + spec.id() + ": configured limits: " + e.getMessage(), e);
    }
    holder[0] = d;
    d.stateFromSession(session.state(), "");
    return d;
  }

  /**
   * Configured limits may leave bounds open (infinite min or max, step 0, infinite rate): those
   * take the device's own value, so that only what is given narrows.
   */
  static Limits resolveOpenBounds(Limits configured, Limits own) {
    java.util.Map<String, org.dpem.hal.safety.Limit> m = new java.util.LinkedHashMap<>();
    configured.byParameter().forEach((name, c) -> {
      org.dpem.hal.safety.Limit o = own.byParameter().get(name);
      if (o == null) {
        m.put(name, c); // narrowedBy names the missing parameter
        return;
      }
      double min = Double.isInfinite(c.min()) ? o.min() : c.min();
      double max = Double.isInfinite(c.max()) ? o.max() : c.max();
      double rate = Double.isInfinite(c.maxRatePerSecond()) ? o.maxRatePerSecond() : c.maxRatePerSecond();
      m.put(name, new org.dpem.hal.safety.Limit(name, min, max, c.step(), rate, o.unit()));
    });
    return new Limits(m);
  }

  private static String mismatch(DriverSpec spec, HandshakeResult hs) {
    var i = hs.info();
    DeviceKind kind = WireMapping.kind(i.kind());
    if (!i.deviceId().equals(spec.id().value())) {
      return "it reports device id '" + i.deviceId() + "'";
    }
    if (!i.nodeId().equals(spec.node().value())) {
      return "it reports node '" + i.nodeId() + "', the database says '" + spec.node() + "'";
    }
    if (kind != spec.kind()) {
      return "it is a " + kind.wireName() + ", the database says " + spec.kind().wireName();
    }
    return null;
  }

  /** The packet codec for a host: it signs everything when a key is given. */
  public static PacketCodec codec(SigningKey key) {
    if (key == null) {
      return new PacketCodec();
    }
    // Counters must never repeat for a key, also across restarts: start from the wall clock.
    long first = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    return new PacketCodec(new Signer(key.keyId(), key.key(), first), null, false);
  }

  private PacketPort port(DriverSpec spec, PacketCodec codec) throws DeviceOpenException {
    if (spec.endpoint() instanceof Endpoint.Serial s) {
      SerialSettings ss = new SerialSettings(s.path(), s.baud(),
          SerialSettings.of(s.path()).lockDir(), Duration.ofMillis(50));
      return new SerialPacketPort(ss, codec, Duration.ofMillis(100));
    }
    Endpoint.Mqtt m = (Endpoint.Mqtt) spec.endpoint();
    try {
      MqttSettings ms = MqttSettings.of(m.url(), config.hostId() + "-" + spec.id() + "-"
          + Long.toHexString(System.nanoTime() & 0xFFFFFF));
      if (m.username() != null) {
        ms = ms.withCredentials(m.username(), m.password());
      }
      if (m.tls() != null) {
        ms = ms.withSocketFactory(m.tls());
      }
      return new MqttPacketPort(ms, new MqttTopics(m.topicPrefix(), spec.id().value()), mqttRole, codec);
    } catch (LinkDownException | IllegalArgumentException e) {
      throw new DeviceOpenException("device " + spec.id() + ": " + e.getMessage(), e);
    }
  }

  /** Stops the retry scheduler; close devices first. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }

}
