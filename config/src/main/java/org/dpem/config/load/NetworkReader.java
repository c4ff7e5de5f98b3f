package org.dpem.config.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.dpem.config.MemoryEstimate;
import org.dpem.config.Range;
import org.dpem.config.network.ExplicitNetwork;
import org.dpem.config.network.GeneratorSpec;
import org.dpem.config.network.GeneratorType;
import org.dpem.config.network.GenerationReading;
import org.dpem.config.network.LinkSpec;
import org.dpem.config.network.NetworkSpec;
import org.dpem.config.network.NodeResources;
import org.dpem.config.network.NodeSpec;

/** Reads the {@code network} section. */
final class NetworkReader {

  static final int MAX_NODES = 100_000;

  private static final List<String> SHAPE_KEYS =
      List.of("nodes", "average_degree", "alpha", "beta", "area_km", "rows", "cols", "hops");

  private NetworkReader() {}

  static NetworkSpec read(MapReader net) {
    boolean explicit = net.has("nodes") || net.has("links");
    boolean generated = net.has("generator");
    NetworkSpec spec;
    if (explicit && generated) {
      net.problem("generator", "give either nodes and links or a generator, not both");
      spec = GeneratorSpec.PAPER;
    } else if (generated) {
      MapReader g = net.map("generator");
      spec = generator(g);
      fits(g, g.has("nodes") ? "nodes" : g.has("rows") ? "rows" : g.has("hops") ? "hops" : "type", spec);
    } else if (explicit) {
      spec = explicit(net);
      fits(net, "nodes", spec);
    } else {
      spec = GeneratorSpec.PAPER;
    }
    net.finish();
    return spec;
  }

  /** Refuses, at {@code key}, a network whose run would not fit in this JVM's heap. */
  private static void fits(MapReader m, String key, NetworkSpec spec) {
    String why = MemoryEstimate.of(spec).refusal(MemoryEstimate.heapLimitBytes());
    if (why != null) {
      m.problem(key, why);
    }
  }

  // ---- explicit -----------------------------------------------------------------------------

  private static ExplicitNetwork explicit(MapReader net) {
    if (!net.has("nodes")) net.missing("nodes");
    List<NodeSpec> nodes = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    for (MapReader.Item item : net.list("nodes")) {
      MapReader m = MapReader.of(item.node(), item.path(), net.problems(), item.node().mark());
      String id = m.id("id");
      if (id != null) {
        Mark first = seen.putIfAbsent(id, m.markOf("id"));
        if (first != null) m.problem("id", "duplicate node id '" + id + "' (first defined at line " + first.line() + ")");
      }
      OptionalDouble x = m.optNumber("x_km", Bounds.ANY);
      OptionalDouble y = m.optNumber("y_km", Bounds.ANY);
      NodeResources d = NodeResources.DEFAULT;
      NodeResources r = new NodeResources(
          m.number("generation_rate_pairs_per_s", d.generationRatePairsPerS(), Bounds.NON_NEGATIVE),
          m.number("repeater_capacity_pairs_per_s", d.repeaterCapacityPairsPerS(), Bounds.NON_NEGATIVE),
          m.integer("memory_slots", d.memorySlots(), Bounds.closed(0, 1_000_000)),
          m.number("coherence_time_s", d.coherenceTimeS(), Bounds.POSITIVE),
          m.number("source_fidelity", d.sourceFidelity(), Bounds.FIDELITY));
      m.finish();
      if (id != null) nodes.add(new NodeSpec(id, x, y, r));
    }
    if (net.raw("nodes") instanceof YSeq s && s.items().isEmpty()) {
      net.problem("nodes", "an explicit network needs at least one node");
    }

    List<LinkSpec> links = new ArrayList<>();
    Map<String, Mark> seenLinks = new LinkedHashMap<>();
    for (MapReader.Item item : net.list("links")) {
      MapReader m = MapReader.of(item.node(), item.path(), net.problems(), item.node().mark());
      String a = nodeRef(m, "a", seen.keySet());
      String b = nodeRef(m, "b", seen.keySet());
      double length = m.requiredNumber("length_km", Bounds.POSITIVE);
      double att = m.number("attenuation_db_per_km", LinkSpec.DEFAULT_ATTENUATION_DB_PER_KM, Bounds.NON_NEGATIVE);
      m.finish();
      if (a != null && b != null) {
        if (a.equals(b)) {
          m.problem("b", "a link cannot join node '" + a + "' to itself");
          continue;
        }
        String key = a.compareTo(b) < 0 ? a + "\u0000" + b : b + "\u0000" + a;
        Mark first = seenLinks.putIfAbsent(key, m.mark());
        if (first != null) {
          m.problem("b", "duplicate link between '" + a + "' and '" + b + "' (first defined at line " + first.line() + ")");
          continue;
        }
        if (!Double.isNaN(length)) links.add(new LinkSpec(a, b, length, att));
      }
    }
    return new ExplicitNetwork(nodes, links);
  }

  /** A node id that must name an existing node; reported with a suggestion otherwise. */
  static String nodeRef(MapReader m, String key, Set<String> nodeIds) {
    String id = m.id(key);
    if (id != null && !nodeIds.contains(id)) {
      m.problem(key, "no node '" + id + "' in the network" + Suggest.hint(id, nodeIds));
      return null;
    }
    return id;
  }

  // ---- generator ----------------------------------------------------------------------------

  private static GeneratorSpec generator(MapReader g) {
    GeneratorSpec d = GeneratorSpec.PAPER;
    GeneratorType type = g.has("type") ? g.requiredChoice("type", GeneratorType.class) : d.type();
    int nodes = d.nodes();
    double degree = d.averageDegree();
    double alpha = d.alpha();
    double beta = d.beta();
    double area = d.areaKm();
    int rows = 4;
    int cols = 4;
    int hops = 4;
    List<String> used = new ArrayList<>();
    if (type == GeneratorType.RANDOM_MESH || type == GeneratorType.WAXMAN) {
      nodes = g.integer("nodes", d.nodes(), Bounds.closed(2, MAX_NODES));
      used.add("nodes");
    }
    if (type == GeneratorType.RANDOM_MESH) {
      degree = g.number("average_degree", d.averageDegree(), Bounds.POSITIVE);
      used.add("average_degree");
      // A connected graph has at least N-1 links: mean degree 2(N-1)/N. A simple one at most N-1.
      double least = 2.0 * (nodes - 1) / nodes;
      if (degree < least - 1e-9) {
        g.problem("average_degree", "a connected mesh of " + nodes + " nodes needs an average degree of at least "
            + Bounds.fmt(Math.round(least * 1000) / 1000.0) + ", got " + Bounds.fmt(degree));
      } else if (degree > nodes - 1) {
        g.problem("average_degree", "a mesh of " + nodes + " nodes has an average degree of at most " + (nodes - 1)
            + ", got " + Bounds.fmt(degree));
      }
    }
    if (type == GeneratorType.WAXMAN) {
      alpha = g.number("alpha", d.alpha(), new Bounds(0, false, 1, true));
      beta = g.number("beta", d.beta(), new Bounds(0, false, 1, true));
      area = g.number("area_km", d.areaKm(), Bounds.POSITIVE);
      used.addAll(List.of("alpha", "beta", "area_km"));
    }
    if (type == GeneratorType.CHAIN) {
      hops = g.integer("hops", hops, Bounds.closed(1, MAX_NODES - 1));
      nodes = hops + 1;
      used.add("hops");
    }
    if (type == GeneratorType.GRID) {
      rows = g.integer("rows", rows, Bounds.closed(1, MAX_NODES));
      cols = g.integer("cols", cols, Bounds.closed(1, MAX_NODES));
      used.addAll(List.of("rows", "cols"));
      if ((long) rows * cols < 2 || (long) rows * cols > MAX_NODES) {
        g.problem("cols", "a grid needs between 2 and " + MAX_NODES + " nodes, got " + rows + " x " + cols);
        rows = 1;
        cols = 2;
      }
      nodes = rows * cols;
    }
    if (type != null) {
      List<String> others = new ArrayList<>(SHAPE_KEYS);
      others.removeAll(used);
      g.notApplicable("to generator type " + MapReader.yamlName(type), others.toArray(String[]::new));
    } else {
      SHAPE_KEYS.forEach(g::has); // type already reported; do not pile unknown-key noise on top
    }
    long seed = g.longValue("seed", d.seed());
    Range lengths = g.range("link_length_km", d.linkLengthKm(), Bounds.POSITIVE);
    double att = g.number("attenuation_db_per_km", d.attenuationDbPerKm(), Bounds.NON_NEGATIVE);
    Range gen = g.range("generation_rate_pairs_per_s", d.generationRatePairsPerS(), Bounds.NON_NEGATIVE);
    Range rep = g.range("repeater_capacity_pairs_per_s", d.repeaterCapacityPairsPerS(), Bounds.NON_NEGATIVE);
    int slots = g.integer("memory_slots", d.memorySlots(), Bounds.closed(0, 1_000_000));
    double coherence = g.number("coherence_time_s", d.coherenceTimeS(), Bounds.POSITIVE);
    double fidelity = g.number("source_fidelity", d.sourceFidelity(), Bounds.FIDELITY);
    GenerationReading reading = g.choice("generation_reading", GenerationReading.class, d.generationReading());
    g.finish();
    return new GeneratorSpec(type == null ? d.type() : type, nodes, degree, alpha, beta, area, rows, cols, hops, seed,
        lengths, att, gen, rep, slots, coherence, fidelity, reading);
  }
}
