package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.dpem.config.ConfigException;
import org.dpem.config.DpemConfig;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.train.Convergence;
import org.dpem.controller.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpem train}: trains the DPEM agents in virtual time on the config's simulated scenario. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Trains the DPEM agents (policy dpem) in virtual time: episode e is a simulated run "
        + "on training seed S+e; every few episodes the policy is evaluated without updates on validation seed "
        + "S+100000. Writes DIR/policy.ckpt (latest, resumable), DIR/best/policy.ckpt (best evaluation), "
        + "DIR/learning-curve.csv and .png, and reports convergence.",
        "Keep training seeds apart from evaluation seeds: train on 101 and up, evaluate on 1-10."})
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--config", defaultValue = RunCommand.DEFAULT_CONFIG,
      description = "Config file (default ${DEFAULT-VALUE}); controller.agents holds the PPO settings.")
  String config;

  @Option(names = "--seed", required = true, description = "First training seed (episodes use S, S+1, ...).")
  long seed;

  @Option(names = "--out", required = true, description = "Output directory for checkpoints and the learning curve.")
  Path out;

  @Option(names = "--episodes", description = "Train this many episodes in all (resumed ones included).")
  Integer episodes;

  @Option(names = "--budget", converter = DurationConverter.class,
      description = "Wall-clock budget, e.g. 10m: no episode starts after it is spent.")
  Double budgetS;

  @Option(names = "--episode-length", converter = DurationConverter.class, defaultValue = "120s",
      description = "Simulated seconds of arrivals per episode (default ${DEFAULT-VALUE}).")
  double episodeS;

  @Option(names = "--eval-every", defaultValue = "2",
      description = "Evaluate the policy (no updates) every this many episodes (default ${DEFAULT-VALUE}).")
  int evalEvery;

  @Option(names = "--resume", description = "Continue the training saved in --out.")
  boolean resume;

  @Option(names = "--json", description = "Print one JSON object with the report on stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintStream stdout = System.out;
    System.setOut(System.err);
    if ((episodes == null) == (budgetS == null)) {
      System.err.println("dpem train: give exactly one of --episodes N and --budget DURATION");
      return DpemCommand.USAGE;
    }
    if ((episodes != null && episodes < 1) || evalEvery < 1) {
      System.err.println("dpem train: --episodes and --eval-every must be at least 1");
      return DpemCommand.USAGE;
    }
    DpemConfig cfg;
    try {
      cfg = RunCommand.load(config);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      return DpemCommand.USAGE;
    } catch (java.io.IOException e) {
      System.err.println("dpem train: cannot read config " + config + ": " + e.getMessage());
      return DpemCommand.USAGE;
    }
    Scenario scenario = ScenarioBuilder.build(cfg);
    Trainer.Plan plan = new Trainer.Plan(seed, episodeS, episodes == null ? 0 : episodes,
        budgetS == null ? 0 : budgetS, evalEvery, cfg.controller().epochMs(), cfg.controller().kPaths());
    System.err.printf(Locale.ROOT, "dpem train: %s (%s); training seeds %d, %d, ...; validation seed %d;"
            + " held-out evaluation seeds must be others (e.g. 1-10)%n", cfg.source(),
        scenario.description(), seed, seed + 1, Trainer.validationSeed(seed));
    boolean terminal = System.console() != null;
    ProgressBar bar = DpemCommand.quiet() ? null : progressBar(terminal);
    Trainer trainer = new Trainer(scenario, cfg.controller().agents(), plan, out);
    long start = System.nanoTime();
    Trainer.Result r;
    try {
      r = trainer.train(resume, (row, conv) -> {
        if (bar == null) {
          return;
        }
        if (episodes != null) {
          bar.stepTo(row.episode() + 1);
        } else {
          bar.stepTo(Math.min(bar.getMax(), Math.round((System.nanoTime() - start) / 1e9)));
        }
        bar.setExtraMessage(String.format(Locale.ROOT,
            " episode %d: reward/epoch %.3f, delivery %.3f%s", row.episode(), row.meanReward(),
            row.deliveryRate(), Double.isNaN(row.evalDeliveryRate()) ? ""
                : String.format(Locale.ROOT, ", eval %.3f", row.evalDeliveryRate())));
      });
    } catch (IllegalArgumentException e) {
      System.err.println("dpem train: " + e.getMessage());
      return DpemCommand.USAGE;
    } finally {
      if (bar != null) {
        bar.close();
      }
    }
    Map<String, Object> report = report(r, cfg.source(), scenario.model().nodeCount());
    if (json) {
      stdout.println(new ObjectMapper().writeValueAsString(report));
    } else {
      report.forEach((k, v) -> stdout.printf(Locale.ROOT, "%-28s %s%n", k, RunCommand.human(v)));
    }
    stdout.flush();
    return 0;
  }

  private ProgressBar progressBar(boolean terminal) {
    ProgressBarBuilder b = new ProgressBarBuilder().setTaskName("dpem train")
        .setStyle(ProgressBarStyle.ASCII);
    if (episodes != null) {
      b.setInitialMax(episodes).setUnit(" episodes", 1);
    } else {
      b.setInitialMax(Math.round(budgetS)).setUnit(" s", 1);
    }
    // without a terminal, one line per update at a slow interval, not a line of carriage returns
    return terminal
        ? b.setUpdateIntervalMillis(500).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()
        : b.setUpdateIntervalMillis(30_000).setConsumer(new DelegatingProgressBarConsumer(System.err::println))
            .build();
  }

  private Map<String, Object> report(Trainer.Result r, Object source, int agents) {
    Map<String, Object> m = new LinkedHashMap<>();
    var rows = r.curve().rows();
    Convergence.Result c = r.convergence();
    m.put("config", String.valueOf(source));
    m.put("out", out.toString());
    m.put("episodes", rows.size());
    m.put("episodes_this_session", r.episodesThisSession());
    m.put("training_seeds", rows.isEmpty() ? "" : rows.get(0).seed() + "-" + rows.get(rows.size() - 1).seed());
    m.put("validation_seed", Trainer.validationSeed(seed));
    m.put("environment_steps", r.steps());
    m.put("agent_steps", r.steps() * agents);
    m.put("updates", r.updates());
    m.put("wall_seconds", r.wallSeconds());
    m.put("steps_per_second", r.wallSeconds() > 0 ? r.steps() / r.wallSeconds() : 0.0);
    m.put("last_delivery_rate", rows.isEmpty() ? null : rows.get(rows.size() - 1).deliveryRate());
    // no evaluation yet (fewer episodes than --eval-every): no level, null rather than NaN in JSON
    m.put("eval_final_level", Double.isFinite(c.finalLevel()) ? c.finalLevel() : null);
    m.put("converged", c.converged());
    m.put("convergence_steps", c.converged() ? c.steps() : null);
    m.put("convergence_wall_seconds", c.converged() ? c.wallSeconds() : null);
    m.put("convergence_rule", "moving average of " + Trainer.WINDOW + " evaluations within "
        + Math.round(Convergence.TOLERANCE * 100) + "% of the final level, staying there");
    return m;
  }
}
