package org.dpem.controller.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.dpem.driver.SigningKey;
import org.dpem.driver.transport.BrokerAccess;
import org.dpem.driver.transport.BrokerCredentials;
import org.dpem.driver.transport.EmbeddedBroker;
import org.dpem.driver.transport.MqttTopics;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.driver.transport.SerialSettings;
import org.dpem.hal.DeviceKind;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.sim.firmware.BenchDevices;
import org.dpem.sim.firmware.FirmwareConfig;
import org.dpem.sim.firmware.VirtualFirmware;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dpem sim-device}: virtual firmware serving one simulated device until stopped. */
@Command(name = "sim-device", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Serve one simulated device over FWP/1 on a serial port or MQTT, as firmware would.",
        "With --mqtt embedded an in-process broker is started (127.0.0.1, --broker-port); clients must",
        "authenticate with the users of --broker-credentials. Over MQTT the device logs in as its device id",
        "with the password from that file, when the file has one.",
        "--kind node serves a source, a memory and an analyzer (ID-src, ID-mem, ID-bsa; MQTT only).",
        "Runs until interrupted. Exit codes: 0 stopped, 2 could not start."})
public final class SimDeviceCommand implements Callable<Integer> {

  static final class Where {
    @Option(names = "--serial", paramLabel = "PATH", description = "Serial port (e.g. a socat pty link).")
    Path serial;

    @Option(names = "--mqtt", paramLabel = "URL", description = "Broker URL (tcp://, ssl://) or 'embedded'.")
    String mqtt;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  @Option(names = "--device-id", required = true, paramLabel = "ID", description = "Device id.")
  String deviceId;

  @Option(names = "--kind", required = true, paramLabel = "KIND",
      description = "source, memory, analyzer or node.")
  String kind;

  @Option(names = "--node", paramLabel = "NODE", defaultValue = "lab",
      description = "Node the device belongs to (default: ${DEFAULT-VALUE}).")
  String node;

  @Option(names = "--prefix", paramLabel = "PREFIX", defaultValue = "dpem",
      description = "MQTT topic prefix (default: ${DEFAULT-VALUE}).")
  String prefix;

  @Option(names = "--broker-port", paramLabel = "PORT", defaultValue = "1883",
      description = "Port of the embedded broker; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int brokerPort;

  @Option(names = "--keepalive", paramLabel = "SECONDS", defaultValue = "5",
      description = "MQTT keep-alive; the broker announces a dead device within 1.5x (default: ${DEFAULT-VALUE}).")
  int keepAlive;

  @Option(names = "--signing-key", paramLabel = "ID:HEX",
      description = "Require actuating commands signed with this key.")
  String signingKey;

  @Option(names = "--broker-credentials", paramLabel = "FILE",
      description = "Owner-only file of MQTT users and passwords (default: ~/.dpem/broker.credentials; "
          + "with --mqtt embedded it is created, and users added, as needed).")
  Path brokerCredentials;

  @Option(names = "--json", description = "Announce the started device as one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<DeviceKind> kinds;
    try {
      kinds = kinds(kind);
    } catch (IllegalArgumentException e) {
      err.println("error: --kind: " + e.getMessage());
      return 2;
    }
    if (kinds.size() > 1 && where.serial != null) {
      err.println("error: --kind node needs --mqtt: one serial port carries one device");
      return 2;
    }
    FirmwareConfig config = FirmwareConfig.defaults();
    if (signingKey != null) {
      try {
        config = config.withSigningKey(SigningKey.parse(signingKey));
      } catch (IllegalArgumentException e) {
        err.println("error: --signing-key: " + e.getMessage());
        return 2;
      }
    }
    WallClockTimeBase time = new WallClockTimeBase();
    List<VirtualFirmware> served = new ArrayList<>();
    EmbeddedBroker broker = null;
    String endpoint;
    try {
      if (where.serial != null) {
        var device = BenchDevices.create(kinds.get(0), deviceId, node, time);
        served.add(VirtualFirmware.serial(device, SerialSettings.of(where.serial), config, time).start());
        endpoint = "serial " + where.serial;
      } else {
        String url = where.mqtt;
        List<String> ids = kinds.stream()
            .map(k -> kinds.size() > 1 ? deviceId + "-" + shortName(k) : deviceId).toList();
        Path credFile = brokerCredentials != null ? brokerCredentials : BrokerCredentials.defaultFile();
        BrokerCredentials creds = null;
        if (url.equals("embedded")) {
          creds = BrokerCredentials.loadOrCreate(credFile, ids);
          broker = EmbeddedBroker.start(brokerPort, BrokerAccess.of(creds,
              ids.stream().map(id -> new MqttTopics(prefix, id)).toList()));
          url = broker.url();
        } else if (org.dpem.driver.SecretFile.exists(credFile)) {
          creds = BrokerCredentials.loadOrCreate(credFile, List.of());
        }
        for (int i = 0; i < kinds.size(); i++) {
          DeviceKind k = kinds.get(i);
          String id = ids.get(i);
          var device = BenchDevices.create(k, id, node, time);
          MqttSettings ms = MqttSettings.of(url, "dpem-fw-" + id).withKeepAlive(keepAlive);
          if (creds != null && creds.password(id).isPresent()) {
            ms = ms.withCredentials(id, creds.password(id).get());
          }
          served.add(VirtualFirmware.mqtt(device, ms, prefix, config, time).start());
        }
        endpoint = "mqtt " + url + " prefix " + prefix;
      }
    } catch (RuntimeException | java.io.IOException e) {
      err.println("error: cannot start virtual firmware: " + e.getMessage());
      served.forEach(VirtualFirmware::close);
      if (broker != null) {
        broker.close();
      }
      return 2;
    }
    List<String> ids = served.stream().map(f -> f.device().id().value()).toList();
    if (json) {
      StringBuilder sb = new StringBuilder("{\"devices\":[");
      for (int i = 0; i < served.size(); i++) {
        var d = served.get(i).device();
        sb.append(i > 0 ? "," : "").append("{\"device_id\":\"").append(d.id()).append("\",\"kind\":\"")
            .append(d.kind().wireName()).append("\",\"node\":\"").append(d.node()).append("\"}");
      }
      sb.append("],\"endpoint\":\"").append(endpoint).append("\"}");
      out.println(sb);
    } else {
      out.println("serving " + ids + " on " + endpoint + " (Ctrl-C to stop)");
    }
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    EmbeddedBroker b = broker;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      served.forEach(VirtualFirmware::close);
      if (b != null) {
        b.close();
      }
      stop.countDown();
    }, "sim-device-stop"));
    stop.await();
    return 0;
  }

  static List<DeviceKind> kinds(String s) {
    if (s.equalsIgnoreCase("node")) {
      return List.of(DeviceKind.SOURCE, DeviceKind.MEMORY, DeviceKind.ANALYZER);
    }
    try {
      return List.of(DeviceKind.parse(s));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + s + "' is not one of source, memory, analyzer, node");
    }
  }

  private static String shortName(DeviceKind k) {
    return switch (k) {
      case SOURCE -> "src";
      case MEMORY -> "mem";
      case ANALYZER -> "bsa";
    };
  }
}
