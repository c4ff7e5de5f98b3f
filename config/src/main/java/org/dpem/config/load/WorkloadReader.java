package org.dpem.config.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dpem.config.IntRange;
import org.dpem.config.Range;
import org.dpem.config.workload.ArrivalSpec;
import org.dpem.config.workload.BurstyArrivals;
import org.dpem.config.workload.DiurnalArrivals;
import org.dpem.config.workload.HotspotArrivals;
import org.dpem.config.workload.MixedArrivals;
import org.dpem.config.workload.NodePair;
import org.dpem.config.workload.PoissonArrivals;
import org.dpem.config.workload.RequestShape;
import org.dpem.config.workload.TraceArrivals;
import org.dpem.config.workload.WorkloadConfig;
import org.dpem.config.workload.WorkloadType;

/** Reads the {@code workload} section. */
final class WorkloadReader {

  private static final List<String> TYPE_KEYS = List.of("rate_per_s", "period_s", "amplitude", "on_rate_per_s",
      "off_rate_per_s", "mean_on_s", "mean_off_s", "hotspot_pairs", "hotspot_share", "trace", "burst_factor",
      "mean_burst_s", "mean_calm_s", "hotspots", "hotspot_lifetime_s", "gravity_spread", "node_weights");

  static final double DEFAULT_RATE = 5.0;

  private WorkloadReader() {}

  static WorkloadConfig read(MapReader w, Set<String> nodeIds, LoadContext ctx) {
    WorkloadType type = w.has("type") ? w.requiredChoice("type", WorkloadType.class) : WorkloadType.POISSON;
    ArrivalSpec arrivals = type == null ? new PoissonArrivals(DEFAULT_RATE) : arrivals(w, type, nodeIds, ctx);
    if (type != null) {
      w.notApplicable("to workload type " + MapReader.yamlName(type), TYPE_KEYS.toArray(String[]::new));
    } else {
      TYPE_KEYS.forEach(w::has);
    }
    RequestShape d = RequestShape.DEFAULT;
    Range fidelity = w.range("min_fidelity", d.minFidelity(), Bounds.FIDELITY);
    IntRange pairs = w.intRange("pairs", d.pairs(), Bounds.closed(1, 1_000_000));
    Range deadline = w.range("deadline_s", d.deadlineS(), Bounds.POSITIVE);
    long seed = w.longValue("seed", 1L);
    w.finish();
    return new WorkloadConfig(arrivals, new RequestShape(fidelity, pairs, deadline), seed);
  }

  private static ArrivalSpec arrivals(MapReader w, WorkloadType type, Set<String> nodeIds, LoadContext ctx) {
    switch (type) {
      case DIURNAL:
        return new DiurnalArrivals(rate(w), w.number("period_s", 86_400, Bounds.POSITIVE),
            w.number("amplitude", 0.5, Bounds.UNIT));
      case BURSTY: {
        double on = w.number("on_rate_per_s", 20, Bounds.NON_NEGATIVE);
        double off = w.number("off_rate_per_s", 1, Bounds.NON_NEGATIVE);
        double meanOn = w.number("mean_on_s", 5, Bounds.POSITIVE);
        double meanOff = w.number("mean_off_s", 20, Bounds.POSITIVE);
        if (on < off) {
          w.problem("on_rate_per_s", "the on state's rate (" + Bounds.fmt(on) + "/s) should be the higher one; it is below "
              + "off_rate_per_s (" + Bounds.fmt(off) + "/s)");
        }
        return new BurstyArrivals(on, off, meanOn, meanOff);
      }
      case HOTSPOT: {
        double rate = rate(w);
        if (!w.has("hotspot_pairs")) w.missing("hotspot_pairs");
        List<NodePair> pairs = new ArrayList<>();
        for (MapReader.Item item : w.list("hotspot_pairs")) {
          NodePair p = pair(item, nodeIds, w.problems());
          if (p != null) pairs.add(p);
        }
        if (w.raw("hotspot_pairs") instanceof YSeq s && s.items().isEmpty()) {
          w.problem("hotspot_pairs", "give at least one [source, destination] pair");
        }
        return new HotspotArrivals(rate, pairs, w.number("hotspot_share", 0.5, new Bounds(0, false, 1, true)));
      }
      case MIXED:
        return mixed(w, nodeIds);
      case TRACE: {
        if (!w.has("trace")) w.missing("trace");
        return new TraceArrivals(ctx.path(w, "trace", true).orElse(Path.of("")));
      }
      default:
        return new PoissonArrivals(rate(w));
    }
  }

  /** Defaults: a 300 s cycle (shorter than a 600 s run), bursts, 4 hot pairs living 2 minutes. */
  private static MixedArrivals mixed(MapReader w, Set<String> nodeIds) {
    double rate = rate(w);
    double period = w.number("period_s", 300, Bounds.POSITIVE);
    double amplitude = w.number("amplitude", 0.5, Bounds.UNIT);
    double factor = w.number("burst_factor", 3, new Bounds(1, true, 1e6, true));
    double meanBurst = w.number("mean_burst_s", 10, Bounds.POSITIVE);
    double meanCalm = w.number("mean_calm_s", 60, Bounds.POSITIVE);
    int hotspots = w.integer("hotspots", 4, Bounds.closed(0, 10_000));
    double share = w.number("hotspot_share", 0.3, Bounds.UNIT);
    double lifetime = w.number("hotspot_lifetime_s", 120, Bounds.POSITIVE);
    double spread = w.number("gravity_spread", 1.0, new Bounds(0, true, 10, true));
    Map<String, Double> weights = new LinkedHashMap<>();
    if (w.has("node_weights")) {
      MapReader m = w.map("node_weights");
      for (YMap.Entry e : m.entries()) {
        String p = m.path(e.key());
        if (!nodeIds.contains(e.key())) {
          w.problems().add(e.keyMark(), p, "no node '" + e.key() + "' in the network" + Suggest.hint(e.key(), nodeIds));
          continue;
        }
        MapReader.numberOf(e.value(), p, new Bounds(0, false, 1e9, true), w.problems())
            .ifPresent(v -> weights.put(e.key(), v));
      }
    }
    if (hotspots > 0 && share == 0) {
      w.problem("hotspot_share", "hotspots: " + hotspots + " are given no share of the requests; give a share"
          + " above 0, or hotspots: 0");
    }
    return new MixedArrivals(rate, period, amplitude, factor, meanBurst, meanCalm, hotspots, share, lifetime,
        spread, weights);
  }

  private static double rate(MapReader w) {
    return w.number("rate_per_s", DEFAULT_RATE, Bounds.NON_NEGATIVE);
  }

  private static NodePair pair(MapReader.Item item, Set<String> nodeIds, Problems problems) {
    if (!(item.node() instanceof YSeq seq) || seq.items().size() != 2) {
      problems.add(item.node().mark(), item.path(), "a hotspot pair is [source, destination], got " + item.node().describe()
          + (item.node() instanceof YSeq s ? " of " + s.items().size() : ""));
      return null;
    }
    String[] ids = new String[2];
    for (int i = 0; i < 2; i++) {
      YNode n = seq.items().get(i);
      String p = item.path() + "[" + i + "]";
      ids[i] = MapReader.idOf(n, p, problems);
      if (ids[i] != null && !nodeIds.contains(ids[i])) {
        problems.add(n.mark(), p, "no node '" + ids[i] + "' in the network" + Suggest.hint(ids[i], nodeIds));
        ids[i] = null;
      }
    }
    if (ids[0] == null || ids[1] == null) return null;
    if (ids[0].equals(ids[1])) {
      problems.add(seq.items().get(1).mark(), item.path(), "source and destination must differ");
      return null;
    }
    return new NodePair(ids[0], ids[1]);
  }
}
