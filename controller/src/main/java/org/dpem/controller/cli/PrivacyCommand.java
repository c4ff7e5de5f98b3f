package org.dpem.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dpem.learning.privacy.AnalyticGaussian;
import org.dpem.learning.privacy.FractionalSeries;
import org.dpem.learning.privacy.NoiseCalibration;
import org.dpem.learning.privacy.PrivacySpent;
import org.dpem.learning.privacy.RdpAccountant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dpem privacy}: the privacy accountant on its own. */
@Command(name = "privacy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"The privacy accountant: epsilon spent by T rounds of the Poisson-sampled Gaussian mechanism "
        + "(sampling rate Q, noise multiplier Z) at delta D, from Renyi DP on the orders 1.1..10.9 by 0.1, "
        + "11..64, 128, 256, 512, 1024, converted as dp_accounting and Opacus do (Balle et al. 2020). "
        + "For Q = 1 it also prints epsilon_exact, the analytic Gaussian's (Balle and Wang 2018).",
        "With --target-epsilon instead of --noise-multiplier, prints the smallest noise multiplier that meets it."})
public final class PrivacyCommand implements Callable<Integer> {
  @Option(names = "--sampling-rate", required = true, description = "Q: probability that an agent takes part in a round, in (0, 1].")
  double q;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Noise noise;

  static final class Noise {
    @Option(names = "--noise-multiplier", required = true, description = "Z: noise standard deviation over the clip norm, >= 0.")
    Double z;

    @Option(names = "--target-epsilon", required = true, description = "E: find the smallest noise multiplier with epsilon <= E.")
    Double targetEpsilon;
  }

  @Option(names = "--steps", required = true, description = "T: rounds (compositions), >= 0.")
  long steps;

  @Option(names = "--delta", required = true, description = "D: delta, in (0, 1).")
  double delta;

  @Option(names = "--fractional-series", defaultValue = "absolute",
      description = "How fractional orders are summed: absolute (dp_accounting, an upper bound; default) or signed "
          + "(Opacus and the original TensorFlow Privacy accountant).")
  String series;

  @Option(names = "--json", description = "Print one JSON object on stdout.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    String bad = q > 0 && q <= 1 ? null : "--sampling-rate must be in (0, 1], got " + q;
    if (bad == null && steps < 0) {
      bad = "--steps must be at least 0, got " + steps;
    }
    if (bad == null && !(delta > 0 && delta < 1)) {
      bad = "--delta must be in (0, 1), got " + delta;
    }
    if (bad == null && noise.z != null && !(noise.z >= 0)) {
      bad = "--noise-multiplier must be at least 0, got " + noise.z;
    }
    if (bad == null && noise.targetEpsilon != null && !(noise.targetEpsilon > 0)) {
      bad = "--target-epsilon must be greater than 0, got " + noise.targetEpsilon;
    }
    FractionalSeries s = switch (series.toLowerCase(Locale.ROOT)) {
      case "absolute" -> FractionalSeries.ABSOLUTE;
      case "signed" -> FractionalSeries.SIGNED;
      default -> null;
    };
    if (bad == null && s == null) {
      bad = "--fractional-series must be absolute or signed, got " + series;
    }
    if (bad != null) {
      System.err.println("dpem privacy: " + bad);
      return 2;
    }
    double[] orders = RdpAccountant.defaultOrders();
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("sampling_rate", q);
    o.put("steps", steps);
    o.put("delta", delta);
    double z;
    if (noise.targetEpsilon != null) {
      try {
        z = NoiseCalibration.noiseMultiplier(q, steps, delta, noise.targetEpsilon, orders, s);
      } catch (IllegalArgumentException e) {
        System.err.println("dpem privacy: " + e.getMessage());
        return 1;
      }
      o.put("target_epsilon", noise.targetEpsilon);
    } else {
      z = noise.z;
    }
    o.put("noise_multiplier", z);
    PrivacySpent p = new RdpAccountant(orders, s).compose(q, z, steps).epsilon(delta);
    putNumber(o, "epsilon", p.epsilon());
    putNumber(o, "order", p.order());
    if (q == 1) {
      putNumber(o, "epsilon_exact", AnalyticGaussian.epsilon(z, steps, delta));
    }
    o.put("fractional_series", s.name().toLowerCase(Locale.ROOT));
    if (json) {
      System.out.println(o);
    } else {
      o.fields().forEachRemaining(e -> System.out.printf(Locale.ROOT, "%-18s %s%n", e.getKey(), e.getValue().asText()));
    }
    return 0;
  }

  /** JSON has no infinity: no guarantee is written as null. */
  private static void putNumber(ObjectNode o, String key, double v) {
    if (Double.isFinite(v)) {
      o.put(key, v);
    } else {
      o.putNull(key);
    }
  }
}
