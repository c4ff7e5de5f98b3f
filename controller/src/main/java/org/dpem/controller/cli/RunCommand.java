package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.dpem.config.ConfigException;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.config.ShippedExamples;
import org.dpem.config.device.DriverKind;
import org.dpem.config.controller.FederationConfig;
import org.dpem.controller.admin.OperatorAdminBackend;
import org.dpem.controller.federation.FederationCoordinator;
import org.dpem.controller.federation.FederationException;
import org.dpem.controller.federation.FederationKeys;
import org.dpem.controller.federation.FederationSetup;
import org.dpem.controller.federation.MqttFederationTransport;
import org.dpem.driver.transport.MqttSettings;
import org.dpem.controller.hil.HilDevices;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.policy.dpem.DpemPolicy;
import org.dpem.controller.run.RunOptions;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.run.SimulatedRun;
import org.dpem.hal.time.WallClockTimeBase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpem run}: the controller on a config, with a policy, for a duration. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Runs the controller. Without options: the paper's simulated 100-node network "
        + "(config/examples/paper-100.yaml) under the config's policy, until interrupted.",
        "Against the simulator, time is virtual and runs as fast as the CPU allows; with devices on "
            + "serial or MQTT (e.g. config/examples/hil.yaml, which starts its own virtual firmware) "
            + "it is paced to the wall clock."})
public final class RunCommand implements Callable<Integer> {
  static final String DEFAULT_CONFIG = "config/examples/paper-100.yaml";
  /** Status lines when the console is not a terminal (a progress bar when it is). */
  static final long STATUS_EVERY_MS = 5000;

  @Option(names = "--config", defaultValue = DEFAULT_CONFIG,
      description = "Config file (default ${DEFAULT-VALUE}; the shipped copy is used when that file is absent).")
  String config;

  @Option(names = "--policy", description = "Allocation policy: greedy, greedy-tuned, central-lp, max-weight, predictive-greedy, dpem (default: the config's).")
  String policy;

  @Option(names = "--duration", converter = DurationConverter.class,
      description = "How long requests arrive, e.g. 600s, 10m, 1h (simulated time; wall time when the config has serial or MQTT devices); the run then finishes the requests still live. Default: until interrupted.")
  Double durationS;

  @Option(names = "--seed", description = "Seed of the workload and the simulator (default: the config's workload seed).")
  Long seed;

  @Option(names = "--speed", description = {"Pace a simulated run at this many simulated seconds per wall second "
      + "(1 = real time, handy with the admin socket). Default: as fast as the CPU allows. Runs with serial or MQTT "
      + "devices always run in real time."})
  Double speed;

  @Option(names = "--no-bound", description = "Skip the upper bound after the run (faster, for parameter searches).")
  boolean noBound;

  @Option(names = "--json", description = "Print one JSON object with the summary on stdout (logs go to stderr).")
  boolean json;

  @Option(names = "--admin-port", description = "Port of the admin socket on the config's address (default: the config's, 7700; 0 picks a free port).")
  Integer adminPort;

  @Option(names = "--broker-port", defaultValue = "1883",
      description = "Port of the embedded MQTT broker on 127.0.0.1 when the config says `broker: embedded` (default ${DEFAULT-VALUE}; if it is taken, a free port is used and logged; 0 picks a free port).")
  int brokerPort;

  @Option(names = "--journal", description = {"Journal of requests and allocations. With serial or MQTT devices "
      + "the run resumes what the journal holds (default: the config's `journal`, dpem.journal). "
      + "A simulated run starts afresh, so it refuses a journal that already holds records (default: none)."})
  Path journal;

  @Option(names = "--checkpoint", description = {"With --policy dpem: the trained policy in this directory "
      + "(DIR/policy.ckpt from `dpem train`, written under the same controller.agents settings), run without "
      + "learning (actions sampled from the trained policy). Without it, dpem learns online from the config's initial weights."})
  Path checkpoint;

  @Option(names = "--prometheus-port", description = "Serve metrics for Prometheus on 127.0.0.1 at this port (default: the config's, if any).")
  Integer prometheusPort;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    // libraries that print banners on stdout must not corrupt --json output
    System.setOut(System.err);
    DpemConfig cfg;
    try {
      cfg = load(config);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (java.nio.file.NoSuchFileException e) {
      System.err.println("dpem run: cannot read config " + config + ": no such file");
      return 2;
    } catch (java.io.IOException e) {
      System.err.println("dpem run: cannot read config " + config + ": " + e);
      return 2;
    }
    String badPort = badPort("--admin-port", adminPort) + badPort("--broker-port", brokerPort)
        + badPort("--prometheus-port", prometheusPort);
    if (!badPort.isEmpty()) {
      System.err.println("dpem run: " + badPort.strip());
      return 2;
    }
    String policyName = policy != null ? policy
        : cfg.controller().policy().name().toLowerCase(Locale.ROOT).replace('_', '-');
    if (!Policies.names().contains(policyName)) {
      System.err.println("dpem run: policy '" + policyName + "' is not available (available: "
          + String.join(", ", Policies.names()) + ")");
      return 2;
    }
    if (speed != null && speed != 1.0 && HilDevices.needed(cfg)) {
      System.err.println("dpem run: --speed " + speed + ": " + cfg.source()
          + " has serial or MQTT devices, which run in real time only (leave --speed out, or give 1)");
      return 2;
    }
    long runSeed = seed != null ? seed : cfg.workload().seed();
    OptionalInt prom = prometheusPort != null ? OptionalInt.of(prometheusPort)
        : cfg.controller().metrics().prometheusPort();
    if (checkpoint != null && !policyName.equals(DpemPolicy.NAME)) {
      System.err.println("dpem run: --checkpoint is for --policy dpem, not " + policyName);
      return 2;
    }
    if (checkpoint != null && !Files.isRegularFile(checkpoint.resolve(DpemPolicy.CHECKPOINT))) {
      System.err.println("dpem run: --checkpoint " + checkpoint + ": no " + DpemPolicy.CHECKPOINT
          + " there (write one with dpem train --out DIR)");
      return 2;
    }
    AtomicReference<DpemPolicy> learner = new AtomicReference<>();
    Scenario scenario = withDpem(ScenarioBuilder.build(cfg), cfg, learner);
    // equipment outlives the controller, so such a run always journals and resumes
    Path journalFile = journal != null ? journal
        : HilDevices.needed(cfg) ? cfg.controller().journal() : null;
    RunOptions opts;
    try {
      opts = new RunOptions(policyName, runSeed,
          durationS == null ? OptionalDouble.empty() : OptionalDouble.of(durationS),
          cfg.controller().epochMs(), cfg.controller().kPaths(), journalFile, prom, true, !noBound,
          speed == null ? OptionalDouble.empty() : OptionalDouble.of(speed));
    } catch (IllegalArgumentException e) {
      System.err.println("dpem run: --speed: " + e.getMessage());
      return 2;
    }
    System.err.println("dpem run: " + cfg.source() + " (" + scenario.description() + "), policy "
        + policyName + ", seed " + runSeed + (durationS == null ? ", until interrupted" : ", " + durationS + " s")
        + (speed == null ? "" : ", " + speed + "x real time")
        + (journalFile == null ? "" : ", journal " + journalFile));
    SimulatedRun run = new SimulatedRun(scenario, opts);
    OperatorAdminBackend backend = new OperatorAdminBackend(run::operator).withTraining(() -> {
      DpemPolicy d = learner.get();
      if (d == null) {
        return null;
      }
      DpemPolicy.TrainingState t = d.state();
      return new OperatorAdminBackend.Training(t.mode(), t.steps(), t.updates());
    });
    try (Services services = Services.start(cfg, adminPort, brokerPort, backend);
        FederationCoordinator fed = startFederation(cfg, services, backend, run)) {
      return runWith(cfg, run, services, out);
    } catch (Services.StartException | FederationException e) {
      System.err.println("dpem run: " + e.getMessage());
      return 2;
    }
  }

  /**
   * The scenario's policies, with {@code dpem} loaded from --checkpoint when given (each time it
   * is asked for, e.g. on a switch over the admin socket), and the last dpem policy made kept
   * for the admin socket's {@code train}.
   */
  private Scenario withDpem(Scenario s, DpemConfig cfg, AtomicReference<DpemPolicy> learner) {
    return s.withPolicies(name -> {
      if (!name.equals(DpemPolicy.NAME)) {
        return s.policies().apply(name);
      }
      DpemPolicy d;
      try {
        d = checkpoint == null ? (DpemPolicy) s.policies().apply(name)
            : DpemPolicy.load(checkpoint, cfg.controller().agents());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("--checkpoint " + checkpoint + ": " + e.getMessage(), e);
      }
      learner.set(d);
      return d;
    });
  }

  /**
   * The federation aggregator, when the config gives federation keys: over the run's broker, on
   * the wall clock (agents are processes of their own), reported by `fed` and in the metrics.
   */
  private static FederationCoordinator startFederation(DpemConfig cfg, Services services,
      OperatorAdminBackend backend, SimulatedRun run) throws FederationException {
    FederationConfig f = cfg.controller().federation();
    if (!f.enabled() || f.keys().isEmpty()) {
      return null;
    }
    FederationKeys keys;
    try {
      keys = FederationKeys.read(f.keys().get());
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw new FederationException("federation key file " + f.keys().get() + ": " + e.getMessage(), e);
    }
    if (keys.agents().isEmpty()) {
      throw new FederationException("federation key file " + f.keys().get() + " names no agents");
    }
    String url = services.broker() != null ? services.broker().url() : cfg.controller().broker().value();
    WallClockTimeBase clock = new WallClockTimeBase();
    FederationCoordinator c;
    try {
      c = FederationSetup.coordinator(f, cfg.controller().epochMs(), keys,
          new MqttFederationTransport(federationSettings(services, url), Services.FEDERATION_PREFIX, keys),
          clock).closing(clock);
    } catch (java.io.IOException e) {
      clock.close();
      throw new FederationException("federation privacy file: " + e.getMessage(), e);
    }
    run.withMetrics(c::bindMetrics);
    backend.withFederation(c::status);
    return c.start();
  }

  private Integer runWith(DpemConfig cfg, SimulatedRun run, Services services, PrintStream out)
      throws Exception {
    boolean hil = HilDevices.needed(cfg);
    if (hil) {
      // equipment takes part: the world is paced to the wall clock, so --duration is wall time
      System.err.println("dpem run: hardware in the loop: " + cfg.devices().all().stream()
          .filter(d -> d.driver().kind() != DriverKind.SIM)
          .map(d -> d.id() + " (" + d.driver().kind().name().toLowerCase(Locale.ROOT)
              + (d.serve().isPresent() ? ", served" : "") + ")")
          .toList() + "; time is paced to the wall clock");
      run.withEquipment(world -> HilDevices.open(cfg, world, services.broker()));
    }
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      run.requestStop();
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "dpem-run-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    RunProgress progress = DpemCommand.quiet() ? null
        : new RunProgress(run, durationS, System.console() != null, System.err, STATUS_EVERY_MS);
    RunReport report;
    try {
      report = run.run();
    } catch (HilDevices.HilException e) {
      System.err.println("dpem run: " + cfg.source() + ": " + e.getMessage());
      finished.countDown();
      return 2;
    } catch (SimulatedRun.RunRefused e) {
      System.err.println("dpem run: " + e.getMessage());
      finished.countDown();
      return 2;
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(report.fields()));
    } else {
      out.println(text(report));
    }
    out.flush();
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running already: it waits for the latch counted down above
    }
    return 0;
  }

  /** On the embedded broker the aggregator logs in as the controller. */
  private static MqttSettings federationSettings(Services services, String url) {
    MqttSettings ms = MqttSettings.of(url, "dpem-run");
    if (services.broker() == null || !services.broker().access().requiresAuthentication()) {
      return ms;
    }
    String user = org.dpem.driver.transport.BrokerCredentials.CONTROLLER;
    return ms.withCredentials(user, services.broker().access().credentials().password(user).orElseThrow());
  }

  private static String badPort(String option, Integer port) {
    return port == null || (port >= 0 && port <= 65535) ? ""
        : option + " " + port + ": a port must be 0..65535 (0 picks a free one). ";
  }

  static DpemConfig load(String config) throws java.io.IOException, ConfigException {
    Path p = Path.of(config);
    if (Files.exists(p)) {
      return ConfigLoader.load(p);
    }
    String name = p.getFileName().toString().replaceFirst("\\.yaml$", "");
    if (config.equals(DEFAULT_CONFIG) || (p.getParent() == null && ShippedExamples.names().contains(name))) {
      return ShippedExamples.load(name);
    }
    throw new java.nio.file.NoSuchFileException(config);
  }

  static String text(RunReport r) {
    var m = r.fields();
    StringBuilder b = new StringBuilder();
    m.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%-30s %s%n", k, human(v))));
    return b.toString().stripTrailing();
  }

  /** Whole numbers without ".0", others to 4 significant digits, NaN and infinities as such; null as "-". */
  static String human(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof Double d) {
      if (!Double.isFinite(d)) {
        return d.toString();
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return new java.math.BigDecimal(d).round(new java.math.MathContext(4))
          .stripTrailingZeros().toPlainString();
    }
    return String.valueOf(v);
  }
}
