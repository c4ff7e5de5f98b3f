package org.dpem.controller.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.dpem.config.ConfigException;
import org.dpem.config.ConfigLoader;
import org.dpem.config.DpemConfig;
import org.dpem.controller.policy.dpem.DpemPolicy;
import org.dpem.controller.run.RunOptions;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.run.SimulatedRun;

/**
 * Runs one {@link RunSpec} and leaves in its directory everything needed to run it again
 * exactly: {@code config.yaml} (the effective configuration), {@code run.json} (method, seed,
 * sweep point, duration), {@code decisions.log.gz} (every epoch's decision vector) and
 * {@code summary.json} (the run's deterministic figures); a {@code dpem} run also keeps the
 * trained policy it evaluated ({@value DpemPolicy#CHECKPOINT}). Wall-clock figures go to
 * {@code timing.json}, apart, since no replay can reproduce them.
 */
final class RunExecutor {
  /** Report fields that measure the host, not the run: left out of what a replay must match. */
  static final Set<String> WALL_CLOCK_FIELDS = Set.of("wall_seconds", "upper_bound_solve_seconds",
      "epoch_p50_us", "epoch_p99_us");

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunExecutor() {}

  /**
   * Writes the run's inputs into {@code dir}, runs it, and writes its outputs. Never throws for a
   * failed run. {@code dpem} is the trained policy a {@code dpem} run evaluates.
   */
  static RunResult execute(String baseYaml, String configName, RunSpec spec, TrainedPolicy dpem, Path dir) {
    try {
      Files.createDirectories(dir);
      if (spec.method().equals(DpemPolicy.NAME)) {
        Files.copy(dpem.checkpoint(), dir.resolve(DpemPolicy.CHECKPOINT));
      }
      String yaml = ConfigOverrides.apply(baseYaml, spec.seed(), spec.sweep());
      Files.writeString(dir.resolve("config.yaml"), yaml, StandardCharsets.UTF_8);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("method", spec.method());
      run.put("seed", spec.seed());
      run.put("sweep", spec.sweep());
      run.put("duration_s", spec.durationS());
      run.put("config_source", configName);
      JSON.writeValue(dir.resolve("run.json").toFile(), run);
      return runIn(yaml, configName, spec, dir);
    } catch (IOException e) {
      return new RunResult(spec, Map.of(), "cannot write " + dir + ": " + e.getMessage());
    } catch (RuntimeException e) {
      return new RunResult(spec, Map.of(), describe(e));
    }
  }

  /** Runs {@code dir}'s stored inputs again into {@code into}. */
  static RunResult replay(Path dir, Path into) throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> run = JSON.readValue(dir.resolve("run.json").toFile(), Map.class);
    @SuppressWarnings("unchecked")
    Map<String, String> sweep = (Map<String, String>) run.getOrDefault("sweep", Map.of());
    RunSpec spec = new RunSpec((String) run.get("method"), ((Number) run.get("seed")).longValue(),
        sweep, ((Number) run.get("duration_s")).doubleValue());
    String yaml = Files.readString(dir.resolve("config.yaml"), StandardCharsets.UTF_8);
    Files.createDirectories(into);
    if (spec.method().equals(DpemPolicy.NAME)) {
      Files.copy(dir.resolve(DpemPolicy.CHECKPOINT), into.resolve(DpemPolicy.CHECKPOINT));
    }
    try {
      return runIn(yaml, String.valueOf(run.get("config_source")), spec, into);
    } catch (RuntimeException e) {
      return new RunResult(spec, Map.of(), describe(e));
    }
  }

  private static RunResult runIn(String yaml, String configName, RunSpec spec, Path dir) throws IOException {
    DpemConfig cfg;
    try {
      cfg = ConfigLoader.parse(yaml, configName + " (" + spec.id() + ")");
    } catch (ConfigException e) {
      return new RunResult(spec, Map.of(), "config: " + e.getMessage());
    }
    Scenario scenario = ScenarioBuilder.build(cfg);
    DpemPolicy trained = null;
    if (spec.method().equals(DpemPolicy.NAME)) {
      trained = DpemPolicy.load(dir, cfg.controller().agents());
      DpemPolicy policy = trained;
      Scenario base = scenario;
      scenario = scenario.withPolicies(n -> n.equals(DpemPolicy.NAME) ? policy : base.policies().apply(n));
    }
    RunOptions opts = new RunOptions(spec.method(), spec.seed(), OptionalDouble.of(spec.durationS()),
        cfg.controller().epochMs(), cfg.controller().kPaths(), null, OptionalInt.empty(), true,
        true, OptionalDouble.empty());
    RunReport report;
    DecisionLog[] log = new DecisionLog[1];
    try {
      report = new SimulatedRun(scenario, opts)
          .withPolicyWrapper(p -> log[0] = new DecisionLog(p, dir.resolve("decisions.log.gz")))
          .run();
    } finally {
      if (log[0] != null) {
        log[0].close();
      }
      if (trained != null) {
        trained.close();
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>(report.fields());
    fields.putIfAbsent("fraction_of_bound", fractionOfBound(fields));
    Map<String, Object> deterministic = new LinkedHashMap<>(fields);
    Map<String, Object> timing = new LinkedHashMap<>();
    for (String k : WALL_CLOCK_FIELDS) {
      if (deterministic.containsKey(k)) {
        timing.put(k, deterministic.remove(k));
      }
    }
    JSON.writeValue(dir.resolve("summary.json").toFile(), deterministic);
    JSON.writeValue(dir.resolve("timing.json").toFile(), timing);
    return new RunResult(spec, fields, null);
  }

  private static Double fractionOfBound(Map<String, Object> f) {
    Object d = f.get("pairs_delivered");
    Object b = f.get("upper_bound_pairs");
    if (d instanceof Number dn && b instanceof Number bn && bn.doubleValue() > 0) {
      return dn.doubleValue() / bn.doubleValue();
    }
    return null;
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  static void writeJson(Path file, Object value) {
    try {
      JSON.writeValue(file.toFile(), value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
