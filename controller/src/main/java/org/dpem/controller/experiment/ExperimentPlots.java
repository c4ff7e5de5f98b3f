package org.dpem.controller.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.StatUtils;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The experiment's PNG plots: per method, the mean over seeds with the standard deviation as an
 * error bar, for delivery, contention and the fraction of the bound; with a {@code load} sweep,
 * delivery against offered load.
 */
final class ExperimentPlots {
  private ExperimentPlots() {}

  static void write(ExperimentPlan plan, List<RunResult> results, Path out) throws IOException {
    bars(plan, results, Metrics.DELIVERY, "Delivery rate (pairs delivered / pairs requested)",
        out.resolve("delivery.png"));
    bars(plan, results, Metrics.CONTENTION, "Contention per 1,000 requests",
        out.resolve("contention.png"));
    bars(plan, results, "fraction_of_bound", "Fraction of the upper bound delivered",
        out.resolve("fraction_of_bound.png"));
    if (plan.sweeps().containsKey("load")) {
      against(plan, results, "load", Metrics.DELIVERY, out.resolve("delivery_vs_load.png"));
    }
  }

  private static void bars(ExperimentPlan plan, List<RunResult> results, String metric, String title,
      Path file) throws IOException {
    CategoryChart chart = new CategoryChartBuilder().width(800).height(500).title(title)
        .xAxisTitle("method").yAxisTitle(metric).build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    List<String> names = new ArrayList<>();
    List<Double> means = new ArrayList<>();
    List<Double> sds = new ArrayList<>();
    Map<String, Map<String, Double>> t = PairedStatistics.table(results, plan.methods(), metric);
    for (String m : plan.methods()) {
      double[] v = t.get(m).values().stream().mapToDouble(Double::doubleValue)
          .filter(Double::isFinite).toArray();
      if (v.length > 0) {
        names.add(m);
        means.add(StatUtils.mean(v));
        sds.add(v.length > 1 ? Math.sqrt(StatUtils.variance(v)) : 0.0);
      }
    }
    if (names.isEmpty()) {
      return;
    }
    chart.addSeries(metric, names, means, sds);
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void against(ExperimentPlan plan, List<RunResult> results, String key, String metric,
      Path file) throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(500)
        .title(metric + " against " + key).xAxisTitle(key).yAxisTitle(metric).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    List<String> values = plan.sweeps().get(key);
    for (String m : plan.methods()) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (String v : values) {
        double[] ms = results.stream()
            .filter(r -> r.ok() && r.spec().method().equals(m) && v.equals(r.spec().sweep().get(key)))
            .mapToDouble(r -> r.metric(metric)).filter(Double::isFinite).toArray();
        if (ms.length > 0) {
          xs.add(Double.parseDouble(v));
          ys.add(StatUtils.mean(ms));
        }
      }
      if (!xs.isEmpty()) {
        chart.addSeries(m, xs, ys);
      }
    }
    if (!chart.getSeriesMap().isEmpty()) {
      BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
