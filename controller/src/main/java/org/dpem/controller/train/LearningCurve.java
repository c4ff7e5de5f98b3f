package org.dpem.controller.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The learning curve of a training run: one row per episode, as CSV and as a PNG chart. */
public final class LearningCurve {
  static final String HEADER = "episode,seed,steps,wall_s,mean_reward,delivery_rate,"
      + "contention_events,eval_seed,eval_delivery_rate,eval_contention_events";

  /**
   * One training episode.
   *
   * @param episode 0-based
   * @param seed the episode's training seed
   * @param steps environment steps (epochs, each a step of every agent) trained so far
   * @param wallSeconds training wall seconds so far, evaluations included
   * @param meanReward mean team reward per epoch
   * @param deliveryRate the training episode's delivery rate (sampled actions)
   * @param contentionEvents the training episode's contention events
   * @param evalSeed the evaluation's seed, or -1 when this episode had none
   * @param evalDeliveryRate delivery rate of the policy without updates on {@code evalSeed}; NaN if none
   * @param evalContention its contention events; -1 if none
   */
  public record Row(int episode, long seed, long steps, double wallSeconds, double meanReward,
      double deliveryRate, long contentionEvents, long evalSeed, double evalDeliveryRate,
      long evalContention) {
    String csv() {
      return String.format(Locale.ROOT, "%d,%d,%d,%.3f,%.6f,%.6f,%d,%d,%s,%d", episode, seed,
          steps, wallSeconds, meanReward, deliveryRate, contentionEvents, evalSeed,
          Double.isNaN(evalDeliveryRate) ? "" : String.format(Locale.ROOT, "%.6f", evalDeliveryRate),
          evalContention);
    }
  }

  private final List<Row> rows = new ArrayList<>();

  public List<Row> rows() {
    return List.copyOf(rows);
  }

  public void add(Row r) {
    rows.add(r);
  }

  /** The evaluations, in order, as convergence points. */
  public List<Convergence.Point> evaluations() {
    List<Convergence.Point> out = new ArrayList<>();
    for (Row r : rows) {
      if (!Double.isNaN(r.evalDeliveryRate())) {
        out.add(new Convergence.Point(r.steps(), r.wallSeconds(), r.evalDeliveryRate()));
      }
    }
    return out;
  }

  public void writeCsv(Path file) throws IOException {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (Row r : rows) {
      b.append(r.csv()).append('\n');
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, b, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Reads a curve written by {@link #writeCsv}, naming the line of anything it cannot read. */
  public static LearningCurve readCsv(Path file) throws IOException {
    LearningCurve c = new LearningCurve();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IOException(file + ":1: not a learning curve (expected the header " + HEADER + ")");
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split(",", -1);
      try {
        c.add(new Row(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
            Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]),
            Long.parseLong(f[6]), Long.parseLong(f[7]),
            f[8].isEmpty() ? Double.NaN : Double.parseDouble(f[8]), Long.parseLong(f[9])));
      } catch (RuntimeException e) {
        throw new IOException(file + ":" + (i + 1) + ": cannot read row: " + e.getMessage(), e);
      }
    }
    return c;
  }

  /** Delivery rate per episode (training and evaluation) against environment steps. */
  public void writePng(Path file, String title) throws IOException {
    XYChart chart = new XYChartBuilder().width(900).height(500).title(title)
        .xAxisTitle("environment steps (epochs)").yAxisTitle("delivery rate").build();
    chart.getStyler().setMarkerSize(4);
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    List<Double> ex = new ArrayList<>();
    List<Double> ey = new ArrayList<>();
    for (Row r : rows) {
      x.add((double) r.steps());
      y.add(r.deliveryRate());
      if (!Double.isNaN(r.evalDeliveryRate())) {
        ex.add((double) r.steps());
        ey.add(r.evalDeliveryRate());
      }
    }
    if (x.isEmpty()) {
      x.add(0.0);
      y.add(0.0);
    }
    chart.addSeries("training episodes (learning)", x, y).setMarker(SeriesMarkers.CIRCLE);
    if (!ex.isEmpty()) {
      chart.addSeries("evaluation (no updates, validation seed)", ex, ey).setMarker(SeriesMarkers.DIAMOND);
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
