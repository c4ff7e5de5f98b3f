package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.dpem.config.DpemConfig;
import org.dpem.controller.run.RunOptions;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.run.SimulatedRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dpem bench}: whole-system benchmarks of the controller on the paper's scenario: the
 * computing time of one control epoch (route, reserve, command) and the wall time of a simulated
 * run. Repeats the run and reports medians, since the host may be shared.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    subcommands = ForecastBench.class,
    description = {"Benchmarks the controller on a simulated scenario: epoch computing time "
        + "(p50/p99) and wall time per simulated run. Targets: epoch p99 < 1 ms and one simulated "
        + "hour < 15 s under greedy on the paper's 100-node network."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--config", defaultValue = RunCommand.DEFAULT_CONFIG, description = "Config (default ${DEFAULT-VALUE}).")
  String config;

  @Option(names = "--policy", defaultValue = "greedy", description = "Policy (default ${DEFAULT-VALUE}).")
  String policy;

  @Option(names = "--duration", defaultValue = "1h", converter = DurationConverter.class,
      description = "Simulated time of arrivals per run (default ${DEFAULT-VALUE}).")
  double durationS;

  @Option(names = "--repeat", defaultValue = "3", description = "Runs; medians are reported (default ${DEFAULT-VALUE}).")
  int repeat;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the first run; run i uses seed + i (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "One JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintStream out = System.out;
    System.setOut(System.err);
    DpemConfig cfg = RunCommand.load(config);
    Scenario scenario = ScenarioBuilder.build(cfg);
    List<RunReport> runs = new ArrayList<>();
    for (int i = 0; i < repeat; i++) {
      RunOptions o = new RunOptions(policy, seed + i, OptionalDouble.of(durationS),
          cfg.controller().epochMs(), cfg.controller().kPaths(), null, OptionalInt.empty(), true, false, OptionalDouble.empty());
      RunReport r = new SimulatedRun(scenario, o).run();
      System.err.printf(Locale.ROOT, "run %d: %.0f simulated s in %.2f s wall, epoch p50 %.1f us p99 %.1f us%n",
          i + 1, r.simulatedSeconds(), r.wallSeconds(), r.epochP50Micros(), r.epochP99Micros());
      runs.add(r);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("policy", policy);
    m.put("scenario", scenario.description());
    m.put("runs", repeat);
    m.put("simulated_seconds_per_run", median(runs, RunReport::simulatedSeconds));
    m.put("wall_seconds_median", median(runs, RunReport::wallSeconds));
    m.put("wall_seconds_per_simulated_hour_median", median(runs, r -> r.wallSeconds() * 3600 / r.simulatedSeconds()));
    m.put("epoch_p50_us_median", median(runs, RunReport::epochP50Micros));
    m.put("epoch_p99_us_median", median(runs, RunReport::epochP99Micros));
    m.put("epochs_per_run", median(runs, r -> r.epochs()));
    m.put("requests_per_run", median(runs, r -> r.summary().requests()));
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(m));
    } else {
      m.forEach((k, v) -> out.printf(Locale.ROOT, "%-40s %s%n", k, v));
    }
    return 0;
  }

  private static double median(List<RunReport> runs, java.util.function.ToDoubleFunction<RunReport> f) {
    double[] v = runs.stream().mapToDouble(f).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
