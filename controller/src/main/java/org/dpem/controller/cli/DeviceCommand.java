package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.dpem.driver.DeviceOpenException;
import org.dpem.driver.DriverFactory;
import org.dpem.driver.Endpoint;
import org.dpem.driver.RemoteDevice;
import org.dpem.driver.SigningKey;
import org.dpem.driver.session.SessionConfig;
import org.dpem.driver.transport.MqttPacketPort;
import org.dpem.hal.AllocationId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.command.SetParameter;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.safety.Limit;
import org.dpem.hal.time.WallClockTimeBase;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dpem device}: a lab tool that talks to one device directly. It does not arm the
 * device's dead-man watchdog (it is not the device's controller).
 */
@Command(name = "device", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Talk to one device over a serial port or MQTT: info, set, safe, clear-fault, watch.",
        "Exit codes: 0 done, 1 refused by the host interlock or the device (the result code is printed),",
        "2 no answer within --timeout, link failure or usage error."},
    subcommands = {DeviceCommand.Info.class, DeviceCommand.Set.class, DeviceCommand.Safe.class,
        DeviceCommand.ClearFault.class, DeviceCommand.Watch.class})
public final class DeviceCommand implements Runnable {
  static final int OK = 0;
  static final int REFUSED = 1;
  static final int FAILED = 2;

  static final class Where {
    @Option(names = "--serial", paramLabel = "PATH", description = "Serial port path.")
    Path serial;

    @Option(names = "--mqtt", paramLabel = "URL", description = "Broker URL (tcp:// or ssl://).")
    String mqtt;
  }

  @Spec CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Where where;

  @Option(names = "--device-id", scope = ScopeType.INHERIT, paramLabel = "ID", description = "Device id (needed with --mqtt).")
  String deviceId;

  @Option(names = "--prefix", scope = ScopeType.INHERIT, paramLabel = "PREFIX", defaultValue = "dpem",
      description = "MQTT topic prefix (default: ${DEFAULT-VALUE}).")
  String prefix;

  @Option(names = "--username", scope = ScopeType.INHERIT, paramLabel = "USER",
      description = "MQTT user name (default: user 'controller' of ~/.dpem/broker.credentials, when that file exists).")
  String username;

  @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASS", description = "MQTT password.", arity = "0..1",
      interactive = true)
  char[] password;

  @Option(names = "--timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS", defaultValue = "3",
      description = "Time allowed for the handshake and for each command (default: ${DEFAULT-VALUE}).")
  double timeoutSeconds;

  @Option(names = "--signing-key", scope = ScopeType.INHERIT, paramLabel = "ID:HEX", description = "Sign commands with this key.")
  String signingKey;

  @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print one JSON object on stdout.")
  boolean json;

  final ObjectMapper mapper = new ObjectMapper();

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** Something that needs an open device. */
  abstract static class Action implements Callable<Integer> {
    @ParentCommand DeviceCommand parent;
    @Spec CommandSpec spec;
    WallClockTimeBase time;

    abstract int run(RemoteDevice device, PrintWriter out) throws Exception;

    @Override
    public final Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Endpoint endpoint;
      SigningKey key;
      try {
        endpoint = parent.endpoint();
        key = parent.signingKey == null ? null : SigningKey.parse(parent.signingKey);
      } catch (IllegalArgumentException e) {
        return parent.fail(out, err, "error", e.getMessage());
      }
      Duration timeout = Duration.ofMillis(Math.max(1, Math.round(parent.timeoutSeconds * 1000)));
      time = new WallClockTimeBase();
      SessionConfig sc = SessionConfig.labTool("dpem-device-" + ProcessHandle.current().pid());
      try (DriverFactory factory = new DriverFactory(time, sc, MqttPacketPort.Role.OBSERVER)) {
        RemoteDevice device;
        try {
          device = factory.discover(endpoint, parent.deviceId, key, timeout);
        } catch (DeviceOpenException e) {
          return parent.fail(out, err, "UNREACHABLE", e.getMessage());
        }
        try {
          return run(device, out);
        } finally {
          device.close();
        }
      } finally {
        time.close();
      }
    }

    long deadline() {
      return time.nowNanos() + TimeUnit.MILLISECONDS.toNanos(
          Math.max(1, Math.round(parent.timeoutSeconds * 1000)));
    }

    /** Waits for a result a little past the command timeout: the driver always answers by then. */
    CommandResult await(java.util.concurrent.CompletionStage<CommandResult> s) throws Exception {
      try {
        return s.toCompletableFuture().get(Math.round(parent.timeoutSeconds * 1000) + 2000,
            TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return CommandResult.of(org.dpem.hal.command.ResultCode.TIMEOUT, "no result within the timeout");
      }
    }

    int report(String command, CommandResult r, PrintWriter out) {
      PrintWriter err = spec.commandLine().getErr();
      if (parent.json) {
        ObjectNode o = parent.mapper.createObjectNode();
        o.put("command", command);
        o.put("result", r.code().name());
        o.put("detail", r.detail());
        out.println(o);
      } else if (r.isOk()) {
        out.println(command + ": OK");
      } else {
        err.println(r.code() + ": " + r.detail());
      }
      out.flush();
      if (r.isOk()) {
        return OK;
      }
      return switch (r.code()) {
        case TIMEOUT, UNREACHABLE -> FAILED;
        default -> REFUSED;
      };
    }
  }

  Endpoint endpoint() {
    if (where.serial != null) {
      return new Endpoint.Serial(where.serial, 115_200);
    }
    if (deviceId == null) {
      throw new IllegalArgumentException("--mqtt needs --device-id");
    }
    String user = username;
    char[] pass = password;
    if (user == null) {
      // on the controller's host the embedded broker's controller user is at hand
      java.nio.file.Path f = org.dpem.driver.transport.BrokerCredentials.defaultFile();
      if (org.dpem.driver.SecretFile.exists(f)) {
        try {
          var c = org.dpem.driver.transport.BrokerCredentials.loadOrCreate(f, java.util.List.of());
          user = org.dpem.driver.transport.BrokerCredentials.CONTROLLER;
          pass = c.password(user).orElse(null);
        } catch (java.io.IOException e) {
          throw new IllegalArgumentException("MQTT credentials: " + e.getMessage(), e);
        }
      }
    }
    return new Endpoint.Mqtt(where.mqtt, prefix, user, pass, null);
  }

  int fail(PrintWriter out, PrintWriter err, String code, String message) {
    if (json) {
      ObjectNode o = mapper.createObjectNode();
      o.put("result", code);
      o.put("detail", message);
      out.println(o);
      out.flush();
    }
    err.println(code + ": " + message);
    err.flush();
    return FAILED;
  }

  /** {@code info}: identity, state, limits. */
  @Command(name = "info", description = "Print the device's identity, state and limits.")
  static final class Info extends Action {
    @Override
    int run(RemoteDevice d, PrintWriter out) throws Exception {
      if (parent.json) {
        ObjectNode o = parent.mapper.createObjectNode();
        o.put("device_id", d.id().value());
        o.put("node", d.node().value());
        o.put("kind", d.kind().wireName());
        o.put("state", d.state().name());
        o.put("model", d.info().model());
        o.put("firmware", d.info().firmware());
        o.put("read_only", d.readOnly());
        o.put("breaker", d.health().breaker());
        o.put("endpoint", d.session().port().describe());
        ObjectNode limits = o.putObject("limits");
        for (Limit l : d.limits().byParameter().values()) {
          ObjectNode lo = limits.putObject(l.parameter());
          lo.put("min", l.min());
          lo.put("max", l.max());
          lo.put("step", l.step());
          if (Double.isFinite(l.maxRatePerSecond())) {
            lo.put("max_rate_per_s", l.maxRatePerSecond());
          }
          lo.put("unit", l.unit());
        }
        out.println(o);
      } else {
        out.printf("%s  %s at node %s  state %s%n", d.id(), d.kind().wireName(), d.node(), d.state());
        out.printf("model %s, firmware %s%s, over %s%n", d.info().model(), d.info().firmware(),
            d.readOnly() ? " (READ-ONLY: schema mismatch)" : "", d.session().port().describe());
        for (Limit l : d.limits().byParameter().values()) {
          out.printf("  %-10s %g .. %g %s%s%n", l.parameter(), l.min(), l.max(), l.unit(),
              l.step() > 0 ? " step " + l.step() : "");
        }
      }
      out.flush();
      return OK;
    }
  }

  /** {@code set PARAM VALUE}. */
  @Command(name = "set", description = "Set one parameter; refused if outside the device's limits.")
  static final class Set extends Action {
    @Parameters(index = "0", paramLabel = "PARAM")
    String parameter;

    @Parameters(index = "1", paramLabel = "VALUE")
    double value;

    @Override
    int run(RemoteDevice d, PrintWriter out) throws Exception {
      // validate before anything else, so a bad value is named even on a device that is SAFE
      var limit = d.limits().get(parameter);
      if (limit.isEmpty()) {
        return report("set " + parameter + " " + value, CommandResult.of(
            org.dpem.hal.command.ResultCode.OUT_OF_LIMITS, "set on " + d.id() + ": parameter '"
                + parameter + "' has no limit on this device (it has " + d.limits().byParameter().keySet()
                + "), so it cannot be set"), out);
      }
      var why = limit.get().violation(value);
      if (why.isPresent()) {
        return report("set " + parameter + " " + value, CommandResult.of(
            org.dpem.hal.command.ResultCode.OUT_OF_LIMITS, "set on " + d.id() + ": " + why.get()), out);
      }
      CommandResult r = await(d.submit(new SetParameter(AllocationId.NONE, deadline(), parameter, value)));
      return report("set " + parameter + " " + value, r, out);
    }
  }

  /** {@code safe}. */
  @Command(name = "safe", description = "Put the device in its safe state.")
  static final class Safe extends Action {
    @Override
    int run(RemoteDevice d, PrintWriter out) throws Exception {
      return report("safe", await(d.safe(deadline())), out);
    }
  }

  /** {@code clear-fault}. */
  @Command(name = "clear-fault", description = "Acknowledge latched faults and leave FAULT or SAFE.")
  static final class ClearFault extends Action {
    @Override
    int run(RemoteDevice d, PrintWriter out) throws Exception {
      return report("clear-fault", await(d.clearFault(deadline())), out);
    }
  }

  /** {@code watch}: telemetry and events as they come. */
  @Command(name = "watch", description = "Print telemetry and events (one line or JSON object each).")
  static final class Watch extends Action {
    @Option(names = "--count", paramLabel = "N", defaultValue = "0",
        description = "Stop after N events (0: until interrupted or --duration).")
    int count;

    @Option(names = "--duration", paramLabel = "SECONDS", defaultValue = "0",
        description = "Stop after this long (0: no limit).")
    double duration;

    @Override
    int run(RemoteDevice d, PrintWriter out) throws Exception {
      CountDownLatch done = new CountDownLatch(1);
      AtomicInteger seen = new AtomicInteger();
      try (var sub = d.subscribe(e -> {
        synchronized (out) {
          out.println(parent.json ? json(e) : e.toString());
          out.flush();
        }
        if (count > 0 && seen.incrementAndGet() >= count) {
          done.countDown();
        }
      })) {
        if (duration > 0) {
          done.await(Math.round(duration * 1000), TimeUnit.MILLISECONDS);
        } else {
          done.await();
        }
      }
      return OK;
    }

    private String json(DeviceEvent e) {
      ObjectNode o = parent.mapper.createObjectNode();
      o.put("type", e.getClass().getSimpleName());
      o.put("device", e.device().value());
      o.put("time_ns", e.timeNanos());
      if (e instanceof DeviceEvent.Telemetry t) {
        ObjectNode v = o.putObject("values");
        t.values().forEach(v::put);
      } else if (e instanceof DeviceEvent.Fault f) {
        o.put("code", f.code());
        o.put("message", f.message());
        o.put("latched", f.latched());
      } else if (e instanceof DeviceEvent.StateChanged s) {
        o.put("from", s.from().name());
        o.put("to", s.to().name());
        o.put("reason", s.reason());
      } else {
        o.put("event", e.toString());
      }
      return o.toString();
    }
  }
}
