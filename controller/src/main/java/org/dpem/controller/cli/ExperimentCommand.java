package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dpem.config.ShippedExamples;
import org.dpem.controller.experiment.Experiment;
import org.dpem.controller.experiment.ExperimentPlan;
import org.dpem.controller.experiment.ExperimentReport;
import org.dpem.controller.experiment.Replay;
import org.dpem.controller.experiment.RunResult;
import org.dpem.controller.experiment.TrainedPolicy;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.policy.dpem.DpemPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dpem experiment}: the paper's comparison, methods x evaluation seeds on identical inputs
 * per seed, with paired statistics, plots and replayable per-run logs.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
    description = {"Compare allocation methods on the same seeds: results.csv, stats.json, summary.md,"
        + " PNG plots and a replayable directory per run, in --out.",
        "Example: dpem experiment --quick --seeds 3 --out exp"})
public final class ExperimentCommand implements Callable<Integer> {
  /** Methods in report order; those available in this build are the default. */
  static final List<String> PREFERRED = List.of("greedy", "greedy-tuned", "central-lp", "max-weight",
      "predictive-greedy", "dpem", "dpem-no-forecast", "dpem-oracle", "dpem-no-dp");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", defaultValue = RunCommand.DEFAULT_CONFIG,
      description = "Scenario (default: ${DEFAULT-VALUE}, the paper's 100-node network).")
  String config;

  @Option(names = "--seeds", description = "Number of evaluation seeds (default: 10; 3 with --quick).")
  Integer seeds;

  @Option(names = "--first-seed", defaultValue = "1",
      description = "First evaluation seed; seeds are consecutive from it (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--out", description = "Output directory (created; must be empty or new).")
  Path out;

  @Option(names = "--quick", description = "Smoke test: 3 seeds, 120 simulated seconds per run.")
  boolean quick;

  @Option(names = "--methods", split = ",",
      description = "Comma-separated methods (default: every available one of ${COMPLETION-CANDIDATES}).",
      completionCandidates = Preferred.class)
  List<String> methods;

  @Option(names = "--duration", converter = DurationConverter.class,
      description = "Simulated time of arrivals per run (default: 600s; 120s with --quick).")
  Double durationS;

  @Option(names = "--sweep", description = "KEY=V1,V2,... repeated runs at each value: load=0.5,1,2"
      + " (multiplies arrival rates), nodes=50,100 (generator size), or any dotted config key."
      + " Several --sweep take the cartesian product.")
  List<String> sweeps = new ArrayList<>();

  @Option(names = "--focus", description = "Method compared against every other one (default: dpem if"
      + " run, else predictive-greedy if run).")
  String focus;

  @Option(names = "--checkpoint", description = {"The trained DPEM policy that method dpem evaluates:"
      + " the --out directory of dpem train, whose training and validation seeds must not be"
      + " evaluation seeds. Without it dpem is not run."})
  Path checkpoint;

  @Option(names = "--jobs", description = "Runs in parallel (default: the number of cores).")
  Integer jobs;

  @Option(names = "--json", description = "Print stats.json on stdout (logs go to stderr).")
  boolean json;

  @Option(names = "--replay", description = "Run DIR/runs/X again from its stored inputs and check that"
      + " its summary and decisions are byte for byte the same.")
  Path replay;

  static final class Preferred extends ArrayList<String> {
    Preferred() {
      super(PREFERRED);
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintStream stdout = System.out;
    if (replay != null) {
      return replay(stdout);
    }
    if (out == null) {
      System.err.println("dpem experiment: --out DIR is required (or --replay DIR/runs/X)");
      return 2;
    }
    if (Files.isDirectory(out)) {
      try (var s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          System.err.println("dpem experiment: --out " + out + " is not empty; give a new directory so"
              + " that no earlier result is mixed in or overwritten");
          return 2;
        }
      }
    }
    String yaml;
    try {
      yaml = configText(config);
    } catch (NoSuchFileException e) {
      System.err.println("dpem experiment: --config " + config + ": no such file");
      return 2;
    }
    int nSeeds = seeds != null ? seeds : quick ? 3 : 10;
    if (nSeeds < 1) {
      System.err.println("dpem experiment: --seeds must be at least 1, got " + nSeeds);
      return 2;
    }
    List<Long> seedList = new ArrayList<>();
    for (int i = 0; i < nSeeds; i++) {
      seedList.add(firstSeed + i);
    }
    TrainedPolicy trained = null;
    if (checkpoint != null) {
      try {
        trained = TrainedPolicy.read(checkpoint);
      } catch (java.io.IOException e) {
        System.err.println("dpem experiment: --checkpoint " + e.getMessage());
        return 2;
      }
    }
    List<String> ms = methods != null ? methods : available(trained != null);
    for (String m : ms) {
      if (!Policies.names().contains(m)) {
        System.err.println("dpem experiment: --methods: '" + m + "' is not available in this build"
            + " (available: " + String.join(", ", Policies.names()) + ")");
        return 2;
      }
    }
    Map<String, List<String>> sweepMap = new LinkedHashMap<>();
    for (String s : sweeps) {
      int eq = s.indexOf('=');
      if (eq <= 0 || eq == s.length() - 1) {
        System.err.println("dpem experiment: --sweep " + s + ": expected KEY=V1,V2,...");
        return 2;
      }
      sweepMap.put(s.substring(0, eq), List.of(s.substring(eq + 1).split(",")));
    }
    String f = focus != null ? focus : ms.contains("dpem") ? "dpem"
        : ms.contains("predictive-greedy") ? "predictive-greedy" : null;
    double duration = durationS != null ? durationS : quick ? 120 : 600;
    ExperimentPlan plan;
    try {
      if (trained != null && !ms.contains(DpemPolicy.NAME)) {
        throw new IllegalArgumentException("--checkpoint is for method dpem, which --methods leaves out");
      }
      plan = new ExperimentPlan(yaml, config, ms, seedList, duration, sweepMap, f, trained);
    } catch (IllegalArgumentException e) {
      System.err.println("dpem experiment: " + e.getMessage());
      return 2;
    }
    Files.createDirectories(out);
    int parallel = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();
    int total = plan.runs().size();
    System.err.println("dpem experiment: " + total + " runs (" + ms.size() + " methods x " + nSeeds
        + " seeds" + (sweepMap.isEmpty() ? "" : " x " + plan.points().size() + " sweep points") + "), "
        + parallel + " at a time, into " + out);
    List<RunResult> results;
    AtomicInteger failed = new AtomicInteger();
    try (ProgressBar bar = progressBar(total)) {
      results = Experiment.run(plan, out, parallel, r -> {
        if (!r.ok()) {
          failed.incrementAndGet();
          System.err.println("dpem experiment: run " + r.spec().id() + " failed: " + r.error());
        }
        bar.step();
      });
    }
    ExperimentReport report = new ExperimentReport(plan, results, commandLine());
    Map<String, Object> stats = report.write(out);
    System.err.println("dpem experiment: " + (total - failed.get()) + " of " + total + " runs ok; see "
        + out.resolve("summary.md"));
    if (json) {
      stdout.println(new ObjectMapper().writeValueAsString(stats));
    }
    return failed.get() == total ? 1 : 0;
  }

  private Integer replay(PrintStream stdout) throws Exception {
    Replay.Outcome o = Replay.check(replay);
    if (json) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("run", replay.toString());
      m.put("identical", o.identical());
      m.put("differences", o.differences());
      stdout.println(new ObjectMapper().writeValueAsString(m));
    } else {
      stdout.println(o.identical() ? "replay of " + replay + ": identical (summary.json and decisions.log.gz)"
          : "replay of " + replay + " differs:\n  " + String.join("\n  ", o.differences()));
    }
    return o.identical() ? 0 : 1;
  }

  /** The methods of this build in report order; {@code dpem} only with a trained policy. */
  static List<String> available(boolean trainedDpem) {
    List<String> ms = new ArrayList<>();
    for (String m : PREFERRED) {
      if (Policies.names().contains(m) && (trainedDpem || !m.equals(DpemPolicy.NAME))) {
        ms.add(m);
      }
    }
    return ms;
  }

  static String configText(String config) throws java.io.IOException {
    Path p = Path.of(config);
    if (Files.exists(p)) {
      return Files.readString(p, StandardCharsets.UTF_8);
    }
    String name = p.getFileName().toString().replaceFirst("\\.yaml$", "");
    if (config.equals(RunCommand.DEFAULT_CONFIG) || (p.getParent() == null && ShippedExamples.names().contains(name))) {
      return ShippedExamples.text(name);
    }
    throw new NoSuchFileException(config);
  }

  private String commandLine() {
    // the parse result is the whole command line's, subcommand name included
    List<String> args = spec.root().commandLine().getParseResult().originalArgs();
    return "dpem " + String.join(" ", args);
  }

  private static ProgressBar progressBar(int total) {
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("runs").setInitialMax(total)
        .showSpeed();
    if (System.console() == null) {
      // no terminal: plain lines now and then rather than a CI log full of carriage returns
      b.setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(10_000)
          .setConsumer(new ConsoleProgressBarConsumer(System.err) {
            @Override
            public void accept(String rendered) {
              System.err.println(rendered);
            }
          });
    } else {
      b.setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(500);
    }
    return b.build();
  }
}
