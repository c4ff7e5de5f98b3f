package org.dpem.controller.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.dpem.config.controller.AgentsConfig;
import org.dpem.controller.policy.dpem.DpemPolicy;
import org.dpem.controller.run.RunOptions;
import org.dpem.controller.run.RunReport;
import org.dpem.controller.run.Scenario;
import org.dpem.controller.run.SimulatedRun;

/**
 * Trains the DPEM agents in virtual time: episode e is one simulated run of
 * {@code episodeSeconds} of arrivals (then until its requests end) on training seed
 * {@code seed + e}, learning online; every {@code evalEvery} episodes the trained policy is
 * evaluated, without updates, on one fixed validation seed ({@link #validationSeed}). After each episode the
 * weights (with optimizer and random state) and the learning curve are written to the output
 * directory, and the best evaluation's weights to {@code best/}; training resumes from there
 * exactly at an episode boundary.
 *
 * <p>Seeds: training uses {@code seed, seed + 1, ...}, validation {@code seed + 100000}; the
 * held-out evaluation seeds of the comparisons (1-10, as the greedy-tuned search) are never
 * touched when training starts at 101 or above.
 */
public final class Trainer {
  /** Offset of the validation seed from the first training seed. */
  public static final long VALIDATION_OFFSET = 100_000;
  /** Evaluations in the moving average of the convergence rule. */
  public static final int WINDOW = 5;
  public static final String CURVE_CSV = "learning-curve.csv";
  public static final String CURVE_PNG = "learning-curve.png";
  public static final String BEST = "best";

  /** What the trainer reports after each episode (on the training thread). */
  @FunctionalInterface
  public interface Listener {
    void episode(LearningCurve.Row row, Convergence.Result convergence);
  }

  /**
   * @param seed the first training seed
   * @param episodeSeconds simulated seconds of arrivals per episode
   * @param maxEpisodes stop after this many episodes in all (resumed ones included); 0: no limit
   * @param budgetSeconds stop starting episodes after this many wall seconds of this session; 0:
   *     no limit
   * @param evalEvery evaluate every this many episodes
   */
  public record Plan(long seed, double episodeSeconds, int maxEpisodes, double budgetSeconds,
      int evalEvery, int epochMs, int kPaths) {
    public Plan {
      if (maxEpisodes <= 0 && budgetSeconds <= 0) {
        throw new IllegalArgumentException("give a number of episodes or a time budget");
      }
      if (!(episodeSeconds > 0) || evalEvery < 1) {
        throw new IllegalArgumentException("episode length must be > 0 and evalEvery >= 1");
      }
    }
  }

  /** The outcome: the curve and its convergence. */
  public record Result(LearningCurve curve, Convergence.Result convergence, long steps,
      double wallSeconds, long updates, int episodesThisSession) {}

  private final Scenario scenario;
  private final AgentsConfig agents;
  private final Plan plan;
  private final Path out;
  private volatile DpemPolicy policy;

  public Trainer(Scenario scenario, AgentsConfig agents, Plan plan, Path out) {
    this.scenario = scenario;
    this.agents = agents;
    this.plan = plan;
    this.out = out;
  }

  public static long validationSeed(long seed) {
    return seed + VALIDATION_OFFSET;
  }

  /** The policy being trained, once started (for status). */
  public DpemPolicy policy() {
    return policy;
  }

  /**
   * Trains; with {@code resume}, continues the run saved in the output directory (refused if the
   * checkpoint was written under other {@code controller.agents} settings).
   */
  public Result train(boolean resume, Listener listener) throws IOException {
    Files.createDirectories(out);
    LearningCurve curve;
    DpemPolicy p;
    Path csv = out.resolve(CURVE_CSV);
    if (resume) {
      if (!Files.exists(out.resolve(DpemPolicy.CHECKPOINT)) || !Files.exists(csv)) {
        throw new IllegalArgumentException("--resume: " + out + " holds no checkpoint and curve"
            + " of an earlier training (" + DpemPolicy.CHECKPOINT + ", " + CURVE_CSV + ")");
      }
      curve = LearningCurve.readCsv(csv);
      p = DpemPolicy.load(out, agents);
      p.setLearning(true);
    } else {
      curve = new LearningCurve();
      p = DpemPolicy.learning(agents);
    }
    policy = p;
    try {
      return loop(p, curve, listener);
    } finally {
      p.close();
    }
  }

  private Result loop(DpemPolicy p, LearningCurve curve, Listener listener) throws IOException {
    var done = curve.rows();
    int episode = done.size();
    long steps = done.isEmpty() ? 0 : done.get(done.size() - 1).steps();
    double wallBefore = done.isEmpty() ? 0 : done.get(done.size() - 1).wallSeconds();
    double best = done.stream().mapToDouble(LearningCurve.Row::evalDeliveryRate)
        .filter(d -> !Double.isNaN(d)).max().orElse(Double.NEGATIVE_INFINITY);
    Scenario s = scenario.withPolicies(name -> p);
    long t0 = System.nanoTime();
    int session = 0;
    Convergence.Result conv = Convergence.detect(curve.evaluations(), WINDOW);
    while ((plan.maxEpisodes() <= 0 || episode < plan.maxEpisodes())
        && (plan.budgetSeconds() <= 0 || (System.nanoTime() - t0) / 1e9 < plan.budgetSeconds())) {
      long seed = plan.seed() + episode;
      p.setLearning(true);
      long before = p.steps();
      RunReport r = run(s, seed);
      double reward = p.endEpisode();
      long epochs = p.steps() - before;
      steps += epochs;
      long evalSeed = -1;
      double evalRate = Double.NaN;
      long evalContention = -1;
      if ((episode + 1) % plan.evalEvery() == 0) {
        p.setLearning(false);
        evalSeed = validationSeed(plan.seed());
        RunReport e = run(s, evalSeed);
        evalRate = e.summary().deliveryRate();
        evalContention = e.summary().contentionEvents();
      }
      double wall = wallBefore + (System.nanoTime() - t0) / 1e9;
      LearningCurve.Row row = new LearningCurve.Row(episode, seed, steps, wall,
          epochs == 0 ? 0 : reward / epochs, r.summary().deliveryRate(),
          r.summary().contentionEvents(), evalSeed, evalRate, evalContention);
      curve.add(row);
      save(p, curve, evalRate > best);
      best = Double.isNaN(evalRate) ? best : Math.max(best, evalRate);
      conv = Convergence.detect(curve.evaluations(), WINDOW);
      episode++;
      session++;
      listener.episode(row, conv);
    }
    return new Result(curve, conv, steps, wallBefore + (System.nanoTime() - t0) / 1e9,
        p.updates(), session);
  }

  private RunReport run(Scenario s, long seed) {
    return new SimulatedRun(s, new RunOptions(DpemPolicy.NAME, seed,
        OptionalDouble.of(plan.episodeSeconds()), plan.epochMs(), plan.kPaths(), null,
        OptionalInt.empty(), false, false, OptionalDouble.empty())).run();
  }

  /** Checkpoint first, then the curve that counts it, each replaced atomically. */
  private void save(DpemPolicy p, LearningCurve curve, boolean best) throws IOException {
    Path tmp = out.resolve("tmp");
    Files.createDirectories(tmp);
    p.save(tmp);
    if (best) {
      Path b = out.resolve(BEST);
      Files.createDirectories(b);
      Files.copy(tmp.resolve(DpemPolicy.CHECKPOINT), b.resolve(DpemPolicy.CHECKPOINT),
          StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(tmp.resolve(DpemPolicy.CHECKPOINT), out.resolve(DpemPolicy.CHECKPOINT),
        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Files.deleteIfExists(tmp);
    curve.writeCsv(out.resolve(CURVE_CSV));
    curve.writePng(out.resolve(CURVE_PNG), "dpem train: delivery rate per episode (training seeds "
        + plan.seed() + "+, validation seed " + validationSeed(plan.seed()) + ")");
  }
}
