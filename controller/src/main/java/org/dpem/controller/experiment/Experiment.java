package org.dpem.controller.experiment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs a plan's runs, in parallel up to {@code jobs} at a time. Each run is independent (its own
 * simulator, control loop and policy instance) and deterministic for its inputs, so the order in
 * which they finish changes nothing. A run that fails is recorded with its error; the rest go on.
 */
public final class Experiment {
  private Experiment() {}

  public static List<RunResult> run(ExperimentPlan plan, Path out, int jobs, Consumer<RunResult> done)
      throws InterruptedException {
    List<RunSpec> specs = plan.runs();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
      Thread t = new Thread(r, "experiment-run");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<RunResult>> futures = new ArrayList<>();
      for (RunSpec s : specs) {
        futures.add(pool.submit(() -> {
          RunResult r = RunExecutor.execute(plan.configYaml(), plan.configName(), s,
              plan.dpem(), out.resolve("runs").resolve(s.id()));
          done.accept(r);
          return r;
        }));
      }
      List<RunResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (ExecutionException e) {
          results.add(new RunResult(specs.get(i), java.util.Map.of(), String.valueOf(e.getCause())));
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
