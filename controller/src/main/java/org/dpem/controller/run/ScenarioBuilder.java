package org.dpem.controller.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.dpem.config.DpemConfig;
import org.dpem.config.Range;
import org.dpem.config.network.ExplicitNetwork;
import org.dpem.config.network.GenerationReading;
import org.dpem.config.network.GeneratorSpec;
import org.dpem.config.network.NodeResources;
import org.dpem.config.network.NodeSpec;
import org.dpem.config.workload.ArrivalSpec;
import org.dpem.config.workload.BurstyArrivals;
import org.dpem.config.workload.DiurnalArrivals;
import org.dpem.config.workload.HotspotArrivals;
import org.dpem.config.workload.MixedArrivals;
import org.dpem.config.workload.PoissonArrivals;
import org.dpem.config.workload.TraceArrivals;
import org.dpem.config.workload.WorkloadConfig;
import org.dpem.controller.forecast.ForecastSpec;
import org.dpem.controller.forecast.ForecasterFactory;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.topology.FidelityModel;
import org.dpem.controller.topology.LinkInfo;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.NodeInfo;
import org.dpem.hal.NodeId;
import org.dpem.sim.physics.Detection;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.LinkSpec;
import org.dpem.sim.topology.NodeTemplate;
import org.dpem.sim.topology.RandomMesh;
import org.dpem.sim.topology.Topology;
import org.dpem.sim.topology.Waxman;
import org.dpem.sim.workload.ArrivalProcess;
import org.dpem.sim.workload.PairChooser;
import org.dpem.sim.workload.RequestShape;
import org.dpem.sim.workload.TraceFile;
import org.dpem.sim.workload.Workload;
import org.dpem.sim.workload.WorkloadSpec;

/**
 * Maps a loaded config onto the simulator's topology and workload and the controller's network
 * model. Generated networks come from the simulator's generators with the config's seed; the
 * config's per-node ranges and link-length range are then applied exactly (the generators draw
 * rates from U(0, max) and lengths from geometry), so the network is what the config says and the
 * same seed gives the same network.
 */
public final class ScenarioBuilder {
  /** Light in fibre, seconds per km. */
  private static final double FIBRE_S_PER_KM = 5e-6;

  private ScenarioBuilder() {}

  public static Scenario build(DpemConfig cfg) {
    Topology budget = topology(cfg);
    boolean heralded = cfg.network() instanceof GeneratorSpec g
        && g.generationReading() == GenerationReading.HERALDED;
    NetworkModel model = model(budget, heralded);
    Topology topo = heralded ? emissionLimits(budget, model) : budget;
    List<String> ids = topo.nodes().stream().map(org.dpem.sim.topology.NodeSpec::id).toList();
    WorkloadConfig w = cfg.workload();
    return new Scenario(topo, model, seed -> arrivals(w, ids, seed), topo.nodes().size()
        + " nodes, " + topo.links().size() + " links, workload " + w.arrivals().type(),
        Policies.configured(cfg.controller().greedy(), cfg.controller().greedyTuned(),
            ForecasterFactory.of(cfg.controller().stockForecaster(),
                ForecastSpec.seasonEpochs(w, cfg.controller().epochMs()), cfg.controller().agents().seed())::forSeries,
            cfg.controller().agents()),
        w.arrivals() instanceof MixedArrivals m ? m.periodS()
            : w.arrivals() instanceof DiurnalArrivals d ? d.periodS() : 0,
        ForecastSpec.of(cfg));
  }

  static Topology topology(DpemConfig cfg) {
    if (cfg.network() instanceof ExplicitNetwork e) {
      List<org.dpem.sim.topology.NodeSpec> nodes = new ArrayList<>();
      for (NodeSpec n : e.nodes()) {
        NodeResources r = n.resources();
        nodes.add(org.dpem.sim.topology.NodeSpec.of(n.id(), n.xKm().orElse(0), n.yKm().orElse(0),
            template(r.memorySlots(), r.coherenceTimeS(), r.sourceFidelity()),
            r.generationRatePairsPerS(), r.repeaterCapacityPairsPerS()));
      }
      List<LinkSpec> links = e.links().stream()
          .map(l -> new LinkSpec(l.a(), l.b(), l.lengthKm(), l.attenuationDbPerKm())).toList();
      return new Topology(nodes, links);
    }
    GeneratorSpec g = (GeneratorSpec) cfg.network();
    NodeTemplate t = template(g.memorySlots(), g.coherenceTimeS(), g.sourceFidelity());
    double maxRate = g.generationRatePairsPerS().max();
    double maxSwap = g.repeaterCapacityPairsPerS().max();
    Topology raw = switch (g.type()) {
      case RANDOM_MESH -> new RandomMesh(g.nodes(), g.averageDegree(), g.areaKm(),
          g.attenuationDbPerKm(), maxRate, maxSwap, t).generate(g.seed());
      case WAXMAN -> new Waxman(g.nodes(), g.alpha(), g.beta(), g.areaKm(), g.attenuationDbPerKm(),
          maxRate, maxSwap, t).generate(g.seed());
      case CHAIN -> Lattices.chain(g.hops(), g.linkLengthKm().max(), g.attenuationDbPerKm(),
          maxRate, maxSwap, t);
      case GRID -> Lattices.grid(g.rows(), g.cols(), g.linkLengthKm().max(),
          g.attenuationDbPerKm(), maxRate, maxSwap, t);
    };
    return applyRanges(raw, g);
  }

  private static NodeTemplate template(int slots, double coherence, double f0) {
    NodeTemplate d = NodeTemplate.defaults();
    return new NodeTemplate(slots, coherence, d.t1Seconds(), d.t2Seconds(),
        d.swapSuccessProbability(), f0, d.detectorEfficiency(), d.analyzerEfficiency(),
        d.darkCountsPerSecond(), d.cutoffSeconds());
  }

  /** Rescales U(0, max) draws onto [min, max] and draws link lengths from the config's range. */
  private static Topology applyRanges(Topology raw, GeneratorSpec g) {
    Range gen = g.generationRatePairsPerS();
    Range swap = g.repeaterCapacityPairsPerS();
    List<org.dpem.sim.topology.NodeSpec> nodes = new ArrayList<>();
    for (org.dpem.sim.topology.NodeSpec n : raw.nodes()) {
      var s = n.source();
      var m = n.memory();
      var src = s == null ? null : new org.dpem.sim.topology.NodeSpec.SourceSpec(
          rescale(s.maxRatePairsPerSecond(), gen), s.fidelity());
      var mem = m == null ? null : new org.dpem.sim.topology.NodeSpec.MemorySpec(m.slots(),
          m.coherenceTimeSeconds(), m.t1Seconds(), m.t2Seconds(),
          rescale(m.swapCapacityPerSecond(), swap), m.swapSuccessProbability(), m.cutoffSeconds());
      nodes.add(new org.dpem.sim.topology.NodeSpec(n.id(), n.x(), n.y(), src, mem, n.analyzer()));
    }
    boolean lattice = g.type() == org.dpem.config.network.GeneratorType.CHAIN
        || g.type() == org.dpem.config.network.GeneratorType.GRID;
    SplittableRandom lengths = new SplittableRandom(g.seed() ^ 0x6c656e677468L);
    List<LinkSpec> links = new ArrayList<>();
    for (LinkSpec l : raw.links()) {
      double km = lattice ? l.lengthKm() : g.linkLengthKm().at(lengths.nextDouble());
      links.add(new LinkSpec(l.a(), l.b(), km, l.attenuationDbPerKm()));
    }
    return new Topology(nodes, links);
  }

  private static double rescale(double drawn, Range r) {
    if (r.max() <= 0) {
      return 0;
    }
    return r.min() + (drawn / r.max()) * (r.max() - r.min());
  }

  /**
   * The simulated world for a heralded generation budget: each source's emission limit is what
   * its whole budget needs on the worst link it generates (lowest herald probability), so any
   * split of the budget over its links stays within the device's limit.
   */
  static Topology emissionLimits(Topology budget, NetworkModel model) {
    double[] worst = new double[model.nodeCount()];
    java.util.Arrays.fill(worst, 1);
    for (int l = 0; l < model.links().size(); l++) {
      int g = model.generatingEnd(l);
      worst[g] = Math.min(worst[g], model.links().get(l).successProbability());
    }
    List<org.dpem.sim.topology.NodeSpec> nodes = new ArrayList<>();
    for (org.dpem.sim.topology.NodeSpec n : budget.nodes()) {
      var s = n.source();
      var src = s == null ? null : new org.dpem.sim.topology.NodeSpec.SourceSpec(
          s.maxRatePairsPerSecond() / worst[model.indexOf(NodeId.of(n.id()))], s.fidelity());
      nodes.add(new org.dpem.sim.topology.NodeSpec(n.id(), n.x(), n.y(), src, n.memory(), n.analyzer()));
    }
    return new Topology(nodes, budget.links());
  }

  /** The controller's model of a simulated topology whose source rates count attempts. */
  public static NetworkModel model(Topology topo) {
    return model(topo, false);
  }

  /**
   * The controller's model of a simulated topology. A link's pairs come from its generating end
   * (see {@link NetworkModel#generatingEnd}); its herald probability is that of the analyzer at
   * the other end, and its fidelity the source's F0 after the generating end's half has waited
   * one fibre delay in memory.
   */
  public static NetworkModel model(Topology topo, boolean heraldedBudget) {
    List<NodeInfo> nodes = new ArrayList<>();
    for (org.dpem.sim.topology.NodeSpec n : topo.nodes()) {
      double rate = n.source() == null ? 0 : n.source().maxRatePairsPerSecond();
      double f0 = n.source() == null ? 1.0 : n.source().fidelity();
      var m = n.memory();
      nodes.add(new NodeInfo(NodeId.of(n.id()), rate, m == null ? 0 : m.swapCapacityPerSecond(),
          m == null ? 0 : m.slots(), m == null ? 1.0 : Math.min(1e9, m.coherenceTimeSeconds()),
          Math.max(0.2501, f0), m == null || m.swapSuccessProbability() <= 0 ? 1e-9 : m.swapSuccessProbability()));
    }
    List<LinkInfo> provisional = new ArrayList<>();
    for (LinkSpec l : topo.links()) {
      provisional.add(new LinkInfo(NodeId.of(l.a()), NodeId.of(l.b()), l.lengthKm(), 1, 1));
    }
    NetworkModel shape = new NetworkModel(nodes, provisional);
    List<LinkInfo> links = new ArrayList<>();
    for (int i = 0; i < topo.links().size(); i++) {
      LinkSpec l = topo.links().get(i);
      NodeInfo gen = shape.node(shape.generatingEnd(i));
      String recv = gen.id().value().equals(l.a()) ? l.b() : l.a();
      var an = topo.node(recv).orElseThrow().analyzer();
      double eta = Math.pow(10, -l.attenuationDbPerKm() * l.lengthKm() / 10);
      double p = an == null ? 1e-12
          : Detection.heraldProbability(eta, an.detectorEfficiency(), an.efficiency());
      double f = FidelityModel.decay(gen.sourceFidelity(), 1, l.lengthKm() * FIBRE_S_PER_KM,
          gen.coherenceTimeS());
      links.add(new LinkInfo(NodeId.of(l.a()), NodeId.of(l.b()), l.lengthKm(), Math.max(1e-12, p), f));
    }
    return new NetworkModel(nodes, links, heraldedBudget);
  }

  static Arrivals arrivals(WorkloadConfig w, List<String> nodes, long seed) {
    ArrivalSpec a = w.arrivals();
    var shape = w.requests();
    RequestShape s = new RequestShape(shape.minFidelity().min(), shape.minFidelity().max(),
        shape.pairs().min(), shape.pairs().max(), shape.deadlineS().min(), shape.deadlineS().max());
    long until = Long.MAX_VALUE;
    ArrivalProcess p;
    if (a instanceof PoissonArrivals pa) {
      p = new ArrivalProcess.Poisson(pa.ratePerS());
    } else if (a instanceof DiurnalArrivals d) {
      p = new ArrivalProcess.Diurnal(d.ratePerS(), d.amplitude(), d.periodS(), 0);
    } else if (a instanceof BurstyArrivals b) {
      p = new ArrivalProcess.Bursty(b.offRatePerS(), b.onRatePerS(), b.meanOffS(), b.meanOnS());
    } else if (a instanceof MixedArrivals m) {
      var process = new ArrivalProcess.DiurnalBursty(m.ratePerS(), m.amplitude(), m.periodS(), 0,
          m.burstFactor(), m.meanCalmS(), m.meanBurstS());
      var pairs = new PairChooser.Gravity(m.gravitySpread(), m.nodeWeights(), m.hotspots(),
          m.hotspotShare(), m.hotspotLifetimeS());
      return Arrivals.of(new Workload(new WorkloadSpec(process, pairs, s), nodes, seed).stream(until));
    } else if (a instanceof HotspotArrivals h) {
      return Arrivals.hotspot(h.ratePerS(), h.pairs(), h.share(), shape, nodes, seed, until);
    } else {
      TraceArrivals t = (TraceArrivals) a;
      try {
        return Arrivals.of(TraceFile.read(t.file()), until);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read trace " + t.file() + ": " + e.getMessage(), e);
      }
    }
    return Arrivals.of(new Workload(new WorkloadSpec(p, new PairChooser.Uniform(), s), nodes, seed)
        .stream(until));
  }
}
