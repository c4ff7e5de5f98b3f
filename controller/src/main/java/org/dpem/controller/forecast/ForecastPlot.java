package org.dpem.controller.forecast;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.dpem.controller.topology.NetworkModel;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Actual demand against each method's one-step forecast for the busiest nodes, one chart per
 * node stacked in one PNG. Per-epoch counts are mostly zeros and single requests, so both are
 * summed over bins of {@code bin} epochs to be readable.
 */
public final class ForecastPlot {
  private static final int WIDTH = 1100;
  private static final int HEIGHT = 330;

  private ForecastPlot() {}

  public static void write(ForecastEvaluation.Result r, NetworkModel model, double epochSeconds, Path png)
      throws IOException {
    long scored = r.epochs() - r.warmup();
    int bin = (int) Math.max(1, scored / 120);
    List<BufferedImage> panels = new ArrayList<>();
    for (int i = 0; i < r.traced().length; i++) {
      XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
          .title("node " + model.node(r.traced()[i]).id().value() + ": pairs requested per "
              + String.format(java.util.Locale.ROOT, "%.0f s", bin * epochSeconds)
              + " (one-step forecasts summed over the same bins)")
          .xAxisTitle("simulated time (s)").yAxisTitle("pairs").build();
      chart.getStyler().setMarkerSize(0);
      chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
      add(chart, "actual", r.actual(), i, r.warmup(), bin, epochSeconds);
      for (Map.Entry<String, List<double[]>> m : r.oneStep().entrySet()) {
        add(chart, m.getKey(), m.getValue(), i, r.warmup(), bin, epochSeconds);
      }
      panels.add(BitmapEncoder.getBufferedImage(chart));
    }
    BufferedImage all = new BufferedImage(WIDTH, HEIGHT * Math.max(1, panels.size()), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = all.createGraphics();
    for (int i = 0; i < panels.size(); i++) {
      g.drawImage(panels.get(i), 0, i * HEIGHT, null);
    }
    g.dispose();
    ImageIO.write(all, "png", png.toFile());
  }

  private static void add(XYChart chart, String name, List<double[]> values, int node, long from,
      int bin, double epochSeconds) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (long t = from; t + bin <= values.size(); t += bin) {
      double s = 0;
      for (long k = t; k < t + bin; k++) {
        s += values.get((int) k)[node];
      }
      x.add(t * epochSeconds);
      y.add(s);
    }
    chart.addSeries(name, x, y).setMarker(SeriesMarkers.NONE);
  }
}
