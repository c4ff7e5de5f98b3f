package org.dpem.controller.hil;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.dpem.config.DpemConfig;
import org.dpem.config.device.DeviceSpec;
import org.dpem.config.device.DriverKind;
import org.dpem.config.device.LimitOverride;
import org.dpem.config.device.MqttDriver;
import org.dpem.config.device.SerialDriver;
import org.dpem.config.device.ServeSpec;
import org.dpem.driver.DeviceOpenException;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.DriverSpec;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.SigningKey;
import org.dpem.driver.transport.BrokerAccess;
import org.dpem.driver.transport.BrokerCredentials;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.LinkDownException;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.driver.transport.MqttTopics;
import org.dpem.driver.transport.PtyPair;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.NodeId;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.safety.Limits;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.firmware.FirmwareConfig;
import org.dpem.sim.firmware.VirtualFirmware;
import org.dpem.sim.network.SimNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The equipment of a hardware-in-the-loop run: for every config device on serial or MQTT, the
 * host-side driver, and, when the config has a {@code serve} block, the virtual firmware behind it
 * (a socat pty pair for serial, the embedded broker for MQTT) serving the simulated world's own
 * device of that node and kind, so the physics stays one simulation. Closing puts every device in
 * its safe state, then stops drivers, firmware, socat and the broker. A device without a
 * {@code serve} block is real equipment: only its driver is opened. Either way the world's device
 * of that node and kind is hidden from the controller, which commands the remote one only.
 */
public final class HilDevices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HilDevices.class);
  private static final Duration OPEN_TIMEOUT = Duration.ofSeconds(5);

  private final WallClockTimeBase wall = new WallClockTimeBase();
  private final DriverFactory drivers = new DriverFactory(wall, "dpem-controller");
  private final List<PtyPair> ptys = new ArrayList<>();
  private final Map<String, VirtualFirmware> firmware = new LinkedHashMap<>();
  private final Map<String, RemoteDevice> remote = new LinkedHashMap<>();
  private final Set<DeviceId> hidden = new HashSet<>();
  private final SimEngine engine;
  private EmbeddedBroker broker;
  /** Whether {@link #broker} was started here (and so is stopped here) or handed in by the run. */
  private boolean ownsBroker;
  private MixedDirectory directory;
  /** Signs every command when the config names a key file; served firmware then requires it. */
  private final SigningKey signingKey;

  private HilDevices(SimEngine engine, EmbeddedBroker sharedBroker, SigningKey signingKey) {
    this.engine = engine;
    this.broker = sharedBroker;
    this.signingKey = signingKey;
  }

  /**
   * Who may use the embedded broker of a run on {@code cfg}: the controller, and every MQTT device
   * on the embedded broker, each under its own topics only.
   *
   * @param credentials passwords for {@value BrokerCredentials#CONTROLLER} and those devices
   */
  public static BrokerAccess brokerAccess(DpemConfig cfg, BrokerCredentials credentials) {
    return BrokerAccess.of(credentials, embeddedMqttDevices(cfg));
  }

  /** The topics of every config device on the embedded broker; their ids are their user names. */
  public static List<MqttTopics> embeddedMqttDevices(DpemConfig cfg) {
    List<MqttTopics> out = new ArrayList<>();
    for (DeviceSpec d : cfg.devices().all()) {
      if (d.driver() instanceof MqttDriver m && m.broker().isEmbedded()) {
        out.add(new MqttTopics(m.topicPrefix(), d.id()));
      }
    }
    return out;
  }

  private static SigningKey signingKey(DpemConfig cfg) throws HilException {
    if (cfg.controller().signingKeyFile().isEmpty()) {
      return null;
    }
    Path file = cfg.controller().signingKeyFile().get();
    try {
      SigningKey k = SigningKey.loadOrCreate(file);
      LOG.info("commands are signed with key {} from {}", k.keyId(), file);
      return k;
    } catch (IOException e) {
      throw new HilException("controller.signing_key_file: " + e.getMessage(), e);
    }
  }

  /** Whether a config has any device that is not simulated in-process. */
  public static boolean needed(DpemConfig cfg) {
    return cfg.devices().all().stream().anyMatch(d -> d.driver().kind() != DriverKind.SIM);
  }

  /**
   * Starts firmware and opens drivers for the config's serial and MQTT devices.
   *
   * @throws HilException naming the device and what failed; whatever was started is stopped
   */
  public static HilDevices open(DpemConfig cfg, SimNetwork world) throws HilException {
    return open(cfg, world, null);
  }

  /**
   * As {@link #open(DpemConfig, SimNetwork)}, with MQTT devices that name the embedded broker
   * using {@code sharedBroker} (the one the run started) instead of starting their own.
   */
  public static HilDevices open(DpemConfig cfg, SimNetwork world, EmbeddedBroker sharedBroker)
      throws HilException {
    HilDevices h = new HilDevices(world.engine(), sharedBroker, signingKey(cfg));
    try {
      for (DeviceSpec d : cfg.devices().all()) {
        if (d.driver().kind() != DriverKind.SIM) {
          h.open(cfg, d, world);
        }
      }
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
    h.directory = new MixedDirectory(world, h.hidden, List.copyOf(h.remote.values()));
    return h;
  }

  private void open(DpemConfig cfg, DeviceSpec d, SimNetwork world) throws HilException {
    DeviceKind kind = DeviceKind.valueOf(d.kind().name());
    NodeId node = NodeId.of(d.node());
    Endpoint endpoint;
    MqttSettings firmwareMqtt = null;
    if (d.driver() instanceof SerialDriver s) {
      endpoint = new Endpoint.Serial(Path.of(s.port()), s.baud());
    } else if (d.driver() instanceof MqttDriver m) {
      if (m.broker().isEmbedded()) {
        EmbeddedBroker b = embeddedBroker(cfg, d);
        BrokerCredentials c = b.access().credentials();
        endpoint = new Endpoint.Mqtt(b.url(), m.topicPrefix(), BrokerCredentials.CONTROLLER,
            c.password(BrokerCredentials.CONTROLLER).orElseThrow(), null);
        firmwareMqtt = MqttSettings.of(b.url(), "fw-" + d.id());
        if (b.access().requiresAuthentication()) {
          firmwareMqtt = firmwareMqtt.withCredentials(d.id(), c.password(d.id()).orElseThrow(
              () -> new HilException("device " + d.id() + ": the embedded broker has no user for it")));
        }
      } else {
        endpoint = Endpoint.Mqtt.of(m.broker().value(), m.topicPrefix());
        firmwareMqtt = MqttSettings.of(m.broker().value(), "fw-" + d.id());
      }
    } else {
      throw new HilException("device " + d.id() + ": driver " + d.driver().kind() + " is not remote");
    }
    Device sim = worldDevice(world, kind, node);
    if (sim == null) {
      throw new HilException("device " + d.id() + ": node " + d.node() + " is not in the network"
          + " or has no " + kind.wireName());
    }
    // the remote device stands in for the world's: the controller must command only the remote one
    hidden.add(sim.id());
    if (d.serve().isPresent()) {
      serve(d, sim, endpoint, firmwareMqtt, world);
    }
    DriverSpec spec = new DriverSpec(DeviceId.of(d.id()), node, kind, endpoint, signingKey, limits(d));
    try {
      RemoteDevice r = drivers.open(spec, OPEN_TIMEOUT);
      remote.put(d.id(), r);
      LOG.info("device {} at {} on {}: limits {}", d.id(), d.node(), endpoint.describe(),
          r.limits().byParameter().values());
    } catch (DeviceOpenException e) {
      throw new HilException("device " + d.id() + " (node " + d.node() + "): " + e.getMessage(), e);
    }
  }

  private static Device worldDevice(SimNetwork world, DeviceKind kind, NodeId node) {
    return switch (kind) {
      case SOURCE -> world.sourceAt(node);
      case MEMORY -> world.memoryAt(node);
      case ANALYZER -> world.analyzerAt(node);
    };
  }

  private void serve(DeviceSpec d, Device sim, Endpoint endpoint, MqttSettings firmwareMqtt,
      SimNetwork world) throws HilException {
    ServeSpec serve = d.serve().get();
    FirmwareConfig fc = FirmwareConfig.defaults().withSigningKey(signingKey);
    Device bound = new EngineBoundDevice(sim, world.engine(), DeviceId.of(d.id()));
    VirtualFirmware fw;
    if (endpoint instanceof Endpoint.Serial s) {
      Path peer = Path.of(serve.peer().orElse(s.path() + ".fw"));
      try {
        ptys.add(PtyPair.start(s.path(), peer));
      } catch (IOException e) {
        throw new HilException("device " + d.id() + ": cannot make the pty pair " + s.path()
            + " <-> " + peer + ": " + e.getMessage(), e);
      }
      fw = VirtualFirmware.serial(bound, SerialSettings.of(peer), fc, wall);
    } else {
      Endpoint.Mqtt m = (Endpoint.Mqtt) endpoint;
      try {
        fw = VirtualFirmware.mqtt(bound, firmwareMqtt, m.topicPrefix(), fc, wall);
      } catch (LinkDownException e) {
        throw new HilException("device " + d.id() + ": firmware cannot reach broker " + m.url()
            + ": " + e.getMessage(), e);
      }
    }
    firmware.put(d.id(), fw.start());
  }

  private EmbeddedBroker embeddedBroker(DpemConfig cfg, DeviceSpec d) throws HilException {
    if (broker == null) {
      try {
        // a broker of this process only, on a free port: its passwords need not outlive it
        broker = EmbeddedBroker.start(0, brokerAccess(cfg, BrokerCredentials.inMemory(
            embeddedMqttDevices(cfg).stream().map(MqttTopics::deviceId).toList())));
        ownsBroker = true;
        LOG.info("embedded MQTT broker on {}", broker.url());
      } catch (IOException e) {
        throw new HilException("device " + d.id() + ": cannot start the embedded broker: "
            + e.getMessage(), e);
      }
    }
    return broker;
  }

  /** The config's narrowing; open bounds stay infinite so only what is given narrows. */
  private static Limits limits(DeviceSpec d) {
    List<Limit> out = new ArrayList<>();
    d.limits().forEach((name, o) -> out.add(limit(name, o)));
    return out.isEmpty() ? Limits.NONE : Limits.of(out.toArray(Limit[]::new));
  }

  private static Limit limit(String name, LimitOverride o) {
    return new Limit(name, o.minOrOpen(), o.maxOrOpen(), o.stepOrOpen(),
        Double.POSITIVE_INFINITY, "");
  }

  /** The simulated world with the remote devices in place of the ones they stand for. */
  public DeviceDirectory directory() {
    return directory;
  }

  /** The clock the drivers and firmware use; the engine is paced to it. */
  public WallClockTimeBase clock() {
    return wall;
  }

  /** Host-side drivers, by config device id. */
  public Map<String, RemoteDevice> remoteDevices() {
    return java.util.Collections.unmodifiableMap(remote);
  }

  /** Virtual firmware the run started, by config device id. */
  public Map<String, VirtualFirmware> firmware() {
    return java.util.Collections.unmodifiableMap(firmware);
  }

  @Override
  public void close() {
    List<java.util.concurrent.CompletableFuture<?>> safe = new ArrayList<>();
    for (RemoteDevice r : remote.values()) {
      try {
        safe.add(r.safe(wall.nowNanos() + TimeUnit.SECONDS.toNanos(1)).toCompletableFuture());
      } catch (RuntimeException e) {
        LOG.warn("{}: SAFE not sent: {}", r.id(), e.toString());
      }
    }
    // the run has stopped the engine, and the served devices act on its thread: pump it here
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (!safe.stream().allMatch(java.util.concurrent.CompletableFuture::isDone)
        && System.nanoTime() < until) {
      engine.runUntil(engine.now());
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
    }
    for (var f : safe) {
      if (!f.isDone() || f.isCompletedExceptionally()) {
        LOG.warn("a device did not confirm SAFE within 2 s");
      }
    }
    remote.values().forEach(r -> quietly(r::close));
    firmware.values().forEach(f -> quietly(f::close));
    ptys.forEach(p -> quietly(p::close));
    quietly(drivers::close);
    if (broker != null && ownsBroker) {
      quietly(broker::close);
    }
    wall.close();
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      LOG.debug("while closing: {}", e.toString());
    }
  }

  /** A hardware-in-the-loop device could not be brought up. */
  public static final class HilException extends RuntimeException {
    public HilException(String message) {
      super(message);
    }

    public HilException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
