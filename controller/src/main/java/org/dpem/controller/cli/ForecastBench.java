package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import org.dpem.controller.forecast.ForecastSpec;
import org.dpem.learning.forecast.Lstm;
import org.dpem.learning.forecast.LstmSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dpem bench forecast}: the LSTM forecaster's cost. One batched forecast step for every
 * node (observe one step's counts, forecast the next H), timed call by call with training kept
 * out; then whole online training rounds for all nodes, timed. The process's resident memory is
 * sampled along the inference calls: it must level off, or native memory leaks per call.
 */
@Command(name = "forecast", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Benchmarks the per-node LSTM forecaster: batched inference for all nodes (p50/p99, "
        + "target p99 < 0.5 ms for 100 nodes), one online training round for all nodes, and resident "
        + "memory over many inference calls."})
public final class ForecastBench implements Callable<Integer> {
  @Option(names = "--nodes", defaultValue = "100", description = "Nodes (default ${DEFAULT-VALUE}).")
  int nodes;

  @Option(names = "--calls", defaultValue = "100000", description = "Inference calls (default ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--rounds", defaultValue = "20", description = "Training rounds timed (default ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--json", description = "One JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    System.setOut(System.err);
    int horizon = 8;
    int groups = ForecastSpec.GROUPS;
    int season = 120;
    SplittableRandom r = new SplittableRandom(1);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("nodes", nodes);
    // inference: a forecaster that never trains in the timed part
    LstmSettings inferOnly = LstmSettings.defaults(season, 1).withTraining(Integer.MAX_VALUE, 1);
    Histogram inference = new Histogram(10_000_000_000L, 3);
    long[] rss = new long[11];
    try (Lstm lstm = new Lstm(nodes, groups, horizon, inferOnly)) {
      double[][] counts = new double[nodes][groups];
      int warm = Math.min(calls, 2000);
      for (int i = 0; i < warm; i++) {
        lstm.observe(draw(r, counts));
      }
      rss[0] = rssKb();
      for (int i = 0; i < calls; i++) {
        draw(r, counts);
        long t0 = System.nanoTime();
        lstm.observe(counts);
        lstm.forecast();
        inference.recordValue(System.nanoTime() - t0);
        if ((i + 1) % Math.max(1, calls / 10) == 0 && (i + 1) / Math.max(1, calls / 10) <= 10) {
          rss[(i + 1) / Math.max(1, calls / 10)] = rssKb();
        }
      }
    }
    m.put("inference_calls", calls);
    m.put("inference_p50_us", inference.getValueAtPercentile(50) / 1e3);
    m.put("inference_p99_us", inference.getValueAtPercentile(99) / 1e3);
    m.put("inference_max_us", inference.getMaxValue() / 1e3);
    m.put("rss_kb_after_warmup_then_each_tenth", rss);
    m.put("rss_growth_kb_second_half", rss[10] - rss[5]);
    // training: rounds as the controller runs them, one every train_every steps
    LstmSettings s = LstmSettings.defaults(season, 1);
    double[] roundMs = new double[rounds];
    try (Lstm lstm = new Lstm(nodes, groups, horizon, s)) {
      double[][] counts = new double[nodes][groups];
      int done = 0;
      long before = lstm.rounds();
      while (done < rounds) {
        draw(r, counts);
        long t0 = System.nanoTime();
        lstm.observe(counts);
        long dt = System.nanoTime() - t0;
        if (lstm.rounds() > before) {
          before = lstm.rounds();
          roundMs[done++] = dt / 1e6;
        }
      }
    }
    Arrays.sort(roundMs);
    m.put("training_round_ms_median", roundMs[rounds / 2]);
    m.put("training_round_ms_max", roundMs[rounds - 1]);
    m.put("training_round_every_steps", s.trainEvery());
    m.put("training_round_every_simulated_s", s.trainEvery() * ForecastSpec.STEP_MS / 1000.0);
    m.put("training_steps_per_round", s.stepsPerRound());
    if (json) {
      out.println(new ObjectMapper().writeValueAsString(m));
    } else {
      m.forEach((k, v) -> out.printf(Locale.ROOT, "%-40s %s%n", k,
          v instanceof long[] a ? Arrays.toString(a) : v));
    }
    return 0;
  }

  /** Poisson-like demand: a few pairs per node and step. */
  private static double[][] draw(SplittableRandom r, double[][] counts) {
    for (double[] node : counts) {
      for (int g = 0; g < node.length; g++) {
        node[g] = r.nextInt(4) == 0 ? 1 + r.nextInt(5) : 0;
      }
    }
    return counts;
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
