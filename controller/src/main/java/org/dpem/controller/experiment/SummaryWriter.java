package org.dpem.controller.experiment;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dpem.config.ConfigException;
import org.dpem.config.ConfigLoader;
import org.dpem.config.controller.ActionChoice;

/**
 * The plain-language {@code summary.md}: the paper's claims beside what was measured, every
 * comparison stated as a win or a loss in the same words, and the tables behind them.
 */
final class SummaryWriter {
  /** The paper's centralized scheme, the reference for its claims. */
  static final String CENTRALIZED = "greedy";
  static final double ALPHA = 0.05;

  private final ExperimentPlan plan;
  private final List<RunResult> results;
  private final List<PairedStatistics.Result> stats;
  private final String command;

  SummaryWriter(ExperimentPlan plan, List<RunResult> results, List<PairedStatistics.Result> stats,
      String command) {
    this.plan = plan;
    this.results = results;
    this.stats = stats;
    this.command = command;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Experiment: ").append(plan.configName()).append("\n\n");
    md.append("Command: `").append(command).append("`\n\n");
    md.append("- Methods: ").append(String.join(", ", plan.methods())).append('\n');
    md.append("- Evaluation seeds: ").append(plan.seeds().stream().map(String::valueOf)
        .collect(Collectors.joining(", "))).append(" (each seed fixes the topology, the capacities"
        + " and the request trace; every method runs on the same ones)\n");
    md.append("- Simulated seconds of arrivals per run: ").append(fmt(plan.durationS())).append('\n');
    if (!plan.sweeps().isEmpty()) {
      md.append("- Sweeps: ").append(plan.sweeps()).append('\n');
    }
    long failed = results.stream().filter(r -> !r.ok()).count();
    md.append("- Runs: ").append(results.size()).append(", failed: ").append(failed).append('\n');
    md.append("- Focal method: ").append(plan.focus() == null ? "none" : "`" + plan.focus() + "`");
    if (plan.dpem() == null) {
      md.append(" (the learned DPEM policy is not part of this experiment, so the paper's claims are"
          + " tested for the focal method instead; they say nothing about DPEM)");
    } else {
      md.append("\n- `dpem`: the policy trained in `").append(plan.dpem().dir()).append("` (training and"
          + " validation seeds: ").append(seedRange(plan.dpem().seenSeeds())).append(", none of them an"
          + " evaluation seed), without updates, ").append(howDpemActs());
    }
    md.append("\n\nNo method was tuned on these seeds: hyperparameters come from the configuration,"
        + " fixed before the run.\n\n");
    claims(md);
    perMethod(md);
    comparisons(md);
    omnibus(md);
    failures(md);
    md.append("\nEverything above is recomputable from `results.csv` (one row per run) and"
        + " `stats.json`; each run's inputs and decisions are in `runs/<run>/`, and"
        + " `dpem experiment --replay runs/<run>` reproduces its `summary.json` byte for byte.\n");
    return md.toString();
  }

  /** Seeds as consecutive runs: "101-213, 100101". */
  private static String seedRange(java.util.Set<Long> seeds) {
    List<String> runs = new java.util.ArrayList<>();
    long[] sorted = seeds.stream().mapToLong(Long::longValue).sorted().toArray();
    for (int i = 0, start = 0; i < sorted.length; i++) {
      if (i + 1 == sorted.length || sorted[i + 1] != sorted[i] + 1) {
        runs.add(start == i ? "" + sorted[i] : sorted[start] + "-" + sorted[i]);
        start = i + 1;
      }
    }
    return String.join(", ", runs);
  }

  private void claims(StringBuilder md) {
    md.append("## The paper's claims beside this measurement\n\n");
    md.append("| claim | paper | measured: ").append(code(plan.focus())).append(" vs ")
        .append(code(CENTRALIZED)).append(" | 95% CI | p (paired t, Holm) | verdict |\n");
    md.append("|---|---|---|---|---|---|\n");
    claimRow(md, "entanglement delivery rate", Metrics.DELIVERY, +0.25);
    claimRow(md, "resource contention (per 1,000 requests)", Metrics.CONTENTION, -0.17);
    md.append("| convergence | faster than centralized | not measured | | | ").append(plan.dpem() == null
        ? "no learning method in this experiment" : "the experiment evaluates a trained policy; its"
        + " training's convergence is in `dpem train`'s report and learning curve, and a centralized"
        + " allocator does not learn").append(" |\n\n");
  }

  private void claimRow(StringBuilder md, String label, String metric, double claimed) {
    PairedStatistics.Comparison c = comparison(metric, CENTRALIZED);
    md.append("| ").append(label).append(" | ").append(ExperimentReport.pct(claimed)).append(" | ");
    if (c == null) {
      md.append("not measured | | | needs both ").append(code(plan.focus())).append(" and `")
          .append(CENTRALIZED).append("` |\n");
      return;
    }
    md.append(ExperimentReport.pct(c.relativeChange())).append(" | [")
        .append(ExperimentReport.pct(c.ciLow())).append(", ").append(ExperimentReport.pct(c.ciHigh()))
        .append("] | ").append(p(c.tTestPHolm())).append(" | ").append(verdict(c, claimed)).append(" |\n");
  }

  /** The verdict on a claimed relative change: its direction, its size, and whether the data can tell. */
  static String verdict(PairedStatistics.Comparison c, double claimed) {
    double dir = Math.signum(claimed);
    double got = c.relativeChange();
    if (!Double.isFinite(got)) {
      return "cannot tell (no finite change)";
    }
    boolean significant = c.tTestPHolm() < ALPHA;
    if (!significant) {
      return c.n() < 5
          ? "not established: with " + c.n() + " seeds no difference is significant"
          : "not reproduced: no significant difference";
    }
    if (dir * got <= 0) {
      return "contradicted: significantly worse";
    }
    return dir * got >= Math.abs(claimed)
        ? "reproduced"
        : "not reproduced: better, but by less than claimed";
  }

  private void perMethod(StringBuilder md) {
    md.append("## Per method (mean ± sd over seeds");
    if (!plan.sweeps().isEmpty()) {
      md.append(" and sweep points");
    }
    md.append(")\n\n| method |");
    for (PairedStatistics.Result s : stats) {
      md.append(' ').append(s.metric()).append(" |");
    }
    md.append("\n|---|");
    md.append("---|".repeat(stats.size())).append('\n');
    for (int i = 0; i < plan.methods().size(); i++) {
      md.append("| ").append(plan.methods().get(i)).append(" |");
      for (PairedStatistics.Result s : stats) {
        PairedStatistics.MethodStats m = s.methods().get(i);
        md.append(' ').append(fmt(m.mean())).append(" ± ").append(fmt(m.sd())).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  private void comparisons(StringBuilder md) {
    if (plan.focus() == null) {
      return;
    }
    md.append("## Every comparison, wins and losses alike\n\n");
    for (PairedStatistics.Result s : stats) {
      for (PairedStatistics.Comparison c : s.comparisons()) {
        md.append("- ").append(sentence(s.metric(), c)).append('\n');
      }
    }
    md.append('\n');
  }

  static String sentence(String metric, PairedStatistics.Comparison c) {
    String head = !Double.isFinite(c.relativeChange())
        ? String.format(Locale.ROOT, "`%s` has no relative change in %s against `%s`, whose mean is 0",
            c.focus(), metric, c.other())
        : String.format(Locale.ROOT, "`%s` %s %s than `%s`", c.focus(),
            c.relativeChange() > 0 ? "is " + ExperimentReport.pct(c.relativeChange()).substring(1) + " higher in"
            : c.relativeChange() < 0 ? "is " + ExperimentReport.pct(c.relativeChange()).substring(1) + " lower in"
            : "is the same in", metric, c.other());
    return String.format(Locale.ROOT,
        "%s (%s vs %s; 95%% CI of the change [%s, %s]; paired t p=%s, Holm %s;"
            + " Wilcoxon p=%s, Holm %s; d_z=%s; %d seeds).",
        head, fmt(c.meanFocus()), fmt(c.meanOther()),
        ExperimentReport.pct(c.ciLow()), ExperimentReport.pct(c.ciHigh()), p(c.tTestP()),
        p(c.tTestPHolm()), p(c.wilcoxonP()), p(c.wilcoxonPHolm()), fmt(c.cohenDz()), c.n());
  }

  private void omnibus(StringBuilder md) {
    md.append("## Do the methods differ at all? (repeated-measures ANOVA; Friedman)\n\n");
    md.append("| metric | seeds | ANOVA F | p | Friedman chi² | p |\n|---|---|---|---|---|---|\n");
    for (PairedStatistics.Result s : stats) {
      PairedStatistics.Omnibus o = s.omnibus();
      md.append("| ").append(s.metric()).append(" | ").append(o.blocks()).append(" | ")
          .append(fmt(o.anovaF())).append(" | ").append(p(o.anovaP())).append(" | ")
          .append(fmt(o.friedmanChi2())).append(" | ").append(p(o.friedmanP())).append(" |\n");
    }
    md.append('\n');
  }

  private void failures(StringBuilder md) {
    List<RunResult> failed = results.stream().filter(r -> !r.ok()).toList();
    if (failed.isEmpty()) {
      return;
    }
    md.append("## Failed runs\n\n");
    for (RunResult r : failed) {
      md.append("- `").append(r.spec().id()).append("`: ").append(r.error()).append('\n');
    }
    md.append('\n');
  }

  private PairedStatistics.Comparison comparison(String metric, String other) {
    for (PairedStatistics.Result s : stats) {
      if (s.metric().equals(metric)) {
        for (PairedStatistics.Comparison c : s.comparisons()) {
          if (c.other().equals(other)) {
            return c;
          }
        }
      }
    }
    return null;
  }

  private static String code(String s) {
    return s == null ? "none" : "`" + s + "`";
  }

  static String p(double p) {
    return Double.isFinite(p) ? String.format(Locale.ROOT, "%.3g", p) : "n/a";
  }

  static String fmt(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  /** What the base config's {@code controller.agents.evaluation} makes the trained policy do. */
  private String howDpemActs() {
    try {
      ActionChoice c = ConfigLoader.parse(plan.configYaml(), plan.configName()).controller().agents().evaluation();
      return c == ActionChoice.MOST_PROBABLE ? "taking its most probable actions" : "sampling its actions";
    } catch (ConfigException e) {
      return "acting as its config's controller.agents.evaluation says";
    }
  }
}
