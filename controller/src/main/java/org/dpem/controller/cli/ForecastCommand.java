package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.dpem.config.ConfigException;
import org.dpem.config.DpemConfig;
import org.dpem.controller.forecast.ForecastEvaluation;
import org.dpem.controller.forecast.ForecastPlot;
import org.dpem.controller.forecast.ForecastSpec;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.learning.forecast.LstmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpem forecast}: fit and score every forecaster on one workload's per-node demand. */
@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Runs the config's workload for a duration, builds each node's demand history (pairs "
        + "requested per epoch by requests arriving at the node, per destination group), and scores the LSTM, "
        + "EWMA, seasonal naive and Holt-Winters on it by rolling origin: MAE, RMSE and MASE (against seasonal "
        + "naive) per horizon step, overall and per node group.",
        "The first quarter (--warmup) fits the classical methods' parameters and is never scored; the LSTM "
            + "trains online from the start, as in the controller."})
public final class ForecastCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--config", defaultValue = RunCommand.DEFAULT_CONFIG,
      description = "Config file (default ${DEFAULT-VALUE}).")
  String config;

  @Option(names = "--duration", converter = DurationConverter.class, defaultValue = "3600s",
      description = "Simulated time of workload, e.g. 600s, 1h (default ${DEFAULT-VALUE}).")
  double durationS;

  @Option(names = "--warmup", converter = DurationConverter.class,
      description = "Leading time used to fit and never scored (default: a quarter of --duration).")
  Double warmupS;

  @Option(names = "--seed", description = "Workload seed (default: the config's).")
  Long seed;

  @Option(names = "--step", converter = DurationConverter.class,
      description = "Forecast step: the demand of this much time is one value (a whole number of epochs; default: 5s, as in the controller).")
  Double stepS;

  @Option(names = "--json", description = "One JSON object on stdout.")
  boolean json;

  @Option(names = "--plot", description = "Write actual against forecast for the busiest nodes to this PNG.")
  Path plot;

  @Override
  public Integer call() throws Exception {
    // picocli's writers were made before this: libraries that print banners go to stderr
    java.io.PrintWriter out = spec.commandLine().getOut();
    java.io.PrintWriter err = spec.commandLine().getErr();
    PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      return run(out, err);
    } finally {
      out.flush();
      err.flush();
      System.setOut(stdout);
    }
  }

  private int run(java.io.PrintWriter out, java.io.PrintWriter err) throws Exception {
    DpemConfig cfg;
    try {
      cfg = RunCommand.load(config);
    } catch (ConfigException e) {
      err.println(e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      err.println("dpem forecast: cannot read config " + config + ": " + e.getMessage());
      return 2;
    }
    int controlMs = cfg.controller().epochMs();
    int stepEpochs = stepS == null ? ForecastSpec.stepEpochs(controlMs) : (int) Math.round(stepS * 1000 / controlMs);
    if (stepEpochs < 1 || (stepS != null && Math.abs(stepEpochs * controlMs - stepS * 1000) > 1e-6)) {
      err.println("dpem forecast: --step must be a whole number of " + controlMs + " ms epochs, got " + stepS + " s");
      return 2;
    }
    int epochMs = controlMs * stepEpochs;
    long epochs = Math.round(durationS * 1000 / epochMs);
    long warmup = Math.round((warmupS != null ? warmupS : durationS / 4) * 1000 / epochMs);
    int season = ForecastSpec.seasonEpochs(cfg.workload(), epochMs);
    var agents = cfg.controller().agents();
    ForecastEvaluation.Settings s;
    try {
      s = new ForecastEvaluation.Settings(epochs, warmup, agents.forecastHorizon(), ForecastSpec.GROUPS,
          season, stepEpochs, LstmSettings.defaults(season, agents.seed()).withWindow(agents.historyEpochs()));
    } catch (IllegalArgumentException e) {
      err.println("dpem forecast: --duration/--warmup: " + e.getMessage());
      return 2;
    }
    Scenario scenario = ScenarioBuilder.build(cfg);
    long runSeed = seed != null ? seed : cfg.workload().seed();
    ForecastEvaluation.Result r = ForecastEvaluation.run(scenario.model(), controlMs * 1_000_000L,
        () -> scenario.arrivals().apply(runSeed), s);
    if (plot != null) {
      ForecastPlot.write(r, scenario.model(), epochMs / 1000.0, plot);
      err.println("plot written to " + plot);
    }
    if (json) {
      out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(json(r)));
    } else {
      out.print(text(r, epochMs));
    }
    return 0;
  }

  static Map<String, Object> json(ForecastEvaluation.Result r) {
    Map<String, Object> methods = new LinkedHashMap<>();
    for (ForecastEvaluation.MethodScore m : r.methods()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("mae", m.mae());
      o.put("rmse", m.rmse());
      o.put("mase", m.mase());
      o.put("rmsse", m.rmsse());
      o.put("parameters", m.parameters());
      o.put("mae_by_step", m.maeByStep());
      o.put("rmse_by_step", m.rmseByStep());
      o.put("mase_by_step", m.maseByStep());
      Map<String, Object> g = new LinkedHashMap<>();
      m.byGroup().forEach((k, v) -> g.put(k, Map.of("mae", v[0], "rmse", v[1], "mase", v[2], "rmsse", v[3])));
      o.put("by_node_group", g);
      methods.put(m.name(), o);
    }
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("methods", methods);
    ForecastEvaluation.MethodScore z = r.zero();
    j.put("zero_forecast", Map.of("mae", z.mae(), "rmse", z.rmse(), "mase", z.mase(), "rmsse", z.rmsse()));
    j.put("horizon", r.horizon());
    j.put("nodes", r.nodes());
    j.put("epochs", r.epochs());
    j.put("warmup_epochs", r.warmup());
    j.put("step_epochs", r.stepEpochs());
    j.put("season_steps", r.season());
    j.put("lstm_training_rounds", r.lstmRounds());
    return j;
  }

  private static String text(ForecastEvaluation.Result r, int epochMs) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%d nodes, %d steps of %d ms (%d warm-up, not scored), horizon %d, season %d steps%n",
        r.nodes(), r.epochs(), epochMs, r.warmup(), r.horizon(), r.season()));
    b.append("demand: pairs requested per step at each node; MASE = MAE / seasonal naive's MAE, RMSSE = RMSE / "
        + "seasonal naive's RMSE, on the same origins\n\n");
    b.append(String.format(Locale.ROOT, "%-16s %9s %9s %7s %7s  %s%n", "method", "MAE", "RMSE", "MASE", "RMSSE", "parameters"));
    for (ForecastEvaluation.MethodScore m : r.methods()) {
      b.append(String.format(Locale.ROOT, "%-16s %9.5f %9.5f %7.4f %7.4f  %s%n", m.name(), m.mae(), m.rmse(), m.mase(),
          m.rmsse(), m.parameters()));
    }
    ForecastEvaluation.MethodScore z = r.zero();
    b.append(String.format(Locale.ROOT, "%-16s %9.5f %9.5f %7.4f %7.4f  %s%n", "(forecast 0)", z.mae(), z.rmse(), z.mase(),
        z.rmsse(), "reference: on absolute error, a method must beat this to show it forecasts more than zeros"));
    b.append("\nMASE per horizon step\n");
    b.append(String.format(Locale.ROOT, "%-16s", "method"));
    for (int k = 1; k <= r.horizon(); k++) {
      b.append(String.format(Locale.ROOT, " %7s", "h" + k));
    }
    b.append('\n');
    for (ForecastEvaluation.MethodScore m : r.methods()) {
      b.append(String.format(Locale.ROOT, "%-16s", m.name()));
      for (double v : m.maseByStep()) {
        b.append(String.format(Locale.ROOT, " %7.4f", v));
      }
      b.append('\n');
    }
    b.append("\nMAE / RMSE per step\n");
    for (ForecastEvaluation.MethodScore m : r.methods()) {
      b.append(String.format(Locale.ROOT, "%-16s", m.name()));
      for (int k = 0; k < r.horizon(); k++) {
        b.append(String.format(Locale.ROOT, " %.4f/%.4f", m.maeByStep()[k], m.rmseByStep()[k]));
      }
      b.append('\n');
    }
    b.append("\nper node group (by demand): MAE / RMSE / MASE\n");
    for (String g : r.groups().keySet()) {
      b.append(String.format(Locale.ROOT, "%-17s", g));
      for (ForecastEvaluation.MethodScore m : r.methods()) {
        double[] v = m.byGroup().get(g);
        b.append(String.format(Locale.ROOT, "  %s %.4f/%.4f/%.3f", m.name(), v[0], v[1], v[2]));
      }
      b.append('\n');
    }
    return b.toString();
  }
}
