package org.dpem.controller.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes an experiment's outputs: {@code results.csv} (one row per run, one column per metric,
 * full precision so everything else is recomputable from it), {@code stats.json}, {@code
 * summary.md} and the plots.
 */
public final class ExperimentReport {
  private final ExperimentPlan plan;
  private final List<RunResult> results;
  private final String command;
  private final List<PairedStatistics.Result> stats = new ArrayList<>();

  public ExperimentReport(ExperimentPlan plan, List<RunResult> results, String command) {
    this.plan = plan;
    this.results = List.copyOf(results);
    this.command = command;
    for (String m : Metrics.TESTED) {
      stats.add(PairedStatistics.of(m, PairedStatistics.table(results, plan.methods(), m), plan.focus()));
    }
  }

  /** Writes every output into {@code out}; returns the stats.json content as a map. */
  public Map<String, Object> write(Path out) throws IOException {
    Files.createDirectories(out);
    writeCsv(out.resolve("results.csv"));
    Map<String, Object> json = statsJson();
    RunExecutor.writeJson(out.resolve("stats.json"), json);
    Files.writeString(out.resolve("summary.md"), new SummaryWriter(plan, results, stats, command).markdown(),
        StandardCharsets.UTF_8);
    ExperimentPlots.write(plan, results, out);
    return json;
  }

  void writeCsv(Path file) throws IOException {
    Set<String> sweepKeys = new LinkedHashSet<>(plan.sweeps().keySet());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      List<String> header = new ArrayList<>(List.of("run", "method", "seed"));
      header.addAll(sweepKeys);
      header.add("status");
      header.add("error");
      header.addAll(Metrics.COLUMNS);
      w.write(String.join(",", header) + "\n");
      for (RunResult r : results) {
        List<String> row = new ArrayList<>();
        row.add(r.spec().id());
        row.add(r.spec().method());
        row.add(Long.toString(r.spec().seed()));
        for (String k : sweepKeys) {
          row.add(r.spec().sweep().getOrDefault(k, ""));
        }
        row.add(r.ok() ? "ok" : "failed");
        row.add(r.ok() ? "" : csv(r.error()));
        for (String c : Metrics.COLUMNS) {
          Object v = r.fields().get(c);
          row.add(v == null ? "" : csv(String.valueOf(v)));
        }
        w.write(String.join(",", row) + "\n");
      }
    }
  }

  private static String csv(String s) {
    return s.contains(",") || s.contains("\"") || s.contains("\n")
        ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  Map<String, Object> statsJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("config", plan.configName());
    m.put("methods", plan.methods());
    m.put("focus", plan.focus());
    m.put("evaluation_seeds", plan.seeds());
    m.put("duration_s", plan.durationS());
    m.put("sweeps", plan.sweeps());
    m.put("runs", results.size());
    m.put("failed_runs", results.stream().filter(r -> !r.ok()).count());
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (PairedStatistics.Result s : stats) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("blocks", s.blocks().size());
      Map<String, Object> per = new LinkedHashMap<>();
      for (PairedStatistics.MethodStats ms : s.methods()) {
        // one seed has no sd: null (JSON null), which Map.of would refuse
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("n", ms.n());
        one.put("mean", num(ms.mean()));
        one.put("sd", num(ms.sd()));
        per.put(ms.method(), one);
      }
      e.put("methods", per);
      PairedStatistics.Omnibus o = s.omnibus();
      Map<String, Object> om = new LinkedHashMap<>();
      om.put("rm_anova_f", num(o.anovaF()));
      om.put("rm_anova_p", num(o.anovaP()));
      om.put("friedman_chi2", num(o.friedmanChi2()));
      om.put("friedman_p", num(o.friedmanP()));
      e.put("omnibus", om);
      List<Object> cs = new ArrayList<>();
      for (PairedStatistics.Comparison c : s.comparisons()) {
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("focus", c.focus());
        cm.put("other", c.other());
        cm.put("n", c.n());
        cm.put("mean_focus", num(c.meanFocus()));
        cm.put("mean_other", num(c.meanOther()));
        cm.put("relative_change", num(c.relativeChange()));
        cm.put("ci95_low", num(c.ciLow()));
        cm.put("ci95_high", num(c.ciHigh()));
        cm.put("paired_t_p", num(c.tTestP()));
        cm.put("paired_t_p_holm", num(c.tTestPHolm()));
        cm.put("wilcoxon_p", num(c.wilcoxonP()));
        cm.put("wilcoxon_p_holm", num(c.wilcoxonPHolm()));
        cm.put("cohen_dz", num(c.cohenDz()));
        cs.add(cm);
      }
      e.put("comparisons", cs);
      metrics.put(s.metric(), e);
    }
    m.put("metrics", metrics);
    return m;
  }

  List<PairedStatistics.Result> stats() {
    return stats;
  }

  static Double num(double v) {
    return Double.isFinite(v) ? v : null;
  }

  static String pct(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f%%", 100 * v) : "n/a";
  }
}
