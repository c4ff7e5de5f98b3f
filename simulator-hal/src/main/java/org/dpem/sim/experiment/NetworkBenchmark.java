package org.dpem.sim.experiment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.dpem.hal.AllocationId;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.CommandResult;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.sim.engine.RandomStreams;
import org.dpem.sim.engine.SimAction;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.dpem.sim.topology.NodeSpec;
import org.dpem.sim.topology.RandomMesh;
import org.dpem.sim.topology.Topology;
import org.dpem.sim.workload.Request;
import org.dpem.sim.workload.Workload;
import org.dpem.sim.workload.WorkloadSpec;

/**
 * The whole-network benchmark: the paper's 100-node mesh under its workload, served by a
 * trivial fixed allocation (no learning), for a stretch of simulated time. The allocation is
 * set up once through the HAL: one allocation per pair among the workload's hot pairs plus
 * further pairs drawn from the seed, each on a shortest path by hops, one slot per side, every
 * source's rate split evenly among the allocations it serves. Allocations that do not fit
 * (slots or swap capacity) are refused by the devices and rolled back, as a controller would.
 * Requests queue at their pair's allocation and take delivered pairs whose fidelity meets
 * their floor before their deadline; requests for pairs without an allocation go unserved.
 *
 * <p>Wall time and heap use are measured ({@link System#nanoTime()}, {@link System#gc()}) by
 * this harness only, never inside the simulation.
 */
public final class NetworkBenchmark {
  private NetworkBenchmark() {}

  /**
   * What to run.
   *
   * @param seed seed of topology, workload and simulation
   * @param simulatedSeconds how long
   * @param requestRatePerSecond network-wide mean request rate
   * @param predictability the workload's predictability knob (see {@link WorkloadSpec#predictable})
   * @param allocations number of fixed allocations to try
   * @param heapSampleEverySeconds simulated seconds between heap samples (0: none)
   * @param memoryCutoffSeconds cutoff of every memory (0: none)
   * @param coherenceTimeSeconds depolarizing coherence time of every memory
   */
  public record Params(long seed, double simulatedSeconds, double requestRatePerSecond,
      double predictability, int allocations, double heapSampleEverySeconds,
      double memoryCutoffSeconds, double coherenceTimeSeconds) {
    /**
     * One simulated hour, 1 request/s, predictability 0.5, 30 allocations, the default
     * equipment (1 s coherence) with a 0.5 s memory cutoff, no heap samples.
     */
    public static Params paperHour(long seed) {
      return new Params(seed, 3600, 1.0, 0.5, 30, 0, 0.5, 1.0);
    }

    /** One simulated day with a heap sample every simulated hour. */
    public static Params paperDay(long seed) {
      return new Params(seed, 86_400, 1.0, 0.5, 30, 3600, 0.5, 1.0);
    }
  }

  /** Heap in use after a full GC at a simulated time. */
  public record HeapSample(double simulatedSeconds, double wallSeconds, long events, long heapUsedBytes) {}

  /** Figures of one run. */
  public record Result(double simulatedSeconds, double wallSeconds, long events,
      int allocationsAccepted, int allocationsRefused, long requests, long pairsRequested,
      long pairsServed, long requestsCompleted, long pairsDelivered, double meanDeliveredFidelity,
      long cutoffs, List<HeapSample> heap) {
    public double eventsPerSecond() {
      return events / wallSeconds;
    }

    /** Pairs served to requests (floor met, before the deadline) over pairs requested. */
    public double deliveryRate() {
      return pairsRequested == 0 ? Double.NaN : (double) pairsServed / pairsRequested;
    }
  }

  private static final class Pending {
    final Request request;
    int remaining;

    Pending(Request r) {
      this.request = r;
      this.remaining = r.pairs();
    }
  }

  public static Result run(Params p) {
    return run(p, null);
  }

  /** Runs with an optional trace of every event (for determinism checks). */
  public static Result run(Params p, org.dpem.sim.engine.EventTrace trace) {
    RandomMesh paper = RandomMesh.paper();
    Topology topology = new RandomMesh(paper.nodes(), paper.averageDegree(), paper.areaKm(),
        paper.attenuationDbPerKm(), paper.maxRatePairsPerSecond(), paper.maxSwapPerSecond(),
        paper.template().withCoherence(p.coherenceTimeSeconds()).withCutoff(p.memoryCutoffSeconds()))
        .generate(p.seed());
    SimNetwork net = new SimNetwork(new SimEngine(p.seed()), topology, NetworkOptions.quiet());
    SimEngine engine = net.engine();
    engine.trace(trace);
    List<String> ids = topology.nodes().stream().map(NodeSpec::id).toList();
    Workload workload = new Workload(WorkloadSpec.predictable(p.requestRatePerSecond(),
        p.predictability(), 86_400), ids, p.seed());

    long start = System.nanoTime();
    Map<String, Long> allocationOfPair = new HashMap<>();
    int[] accepted = {0, 0};
    plan(topology, workload, p, net, allocationOfPair, accepted);
    Map<Long, ArrayDeque<Pending>> queues = new HashMap<>();
    allocationOfPair.values().forEach(a -> queues.put(a, new ArrayDeque<>()));

    long[] counts = new long[5]; // requests, pairsRequested, pairsServed, completed, pairsDelivered
    net.subscribe(e -> {
      if (e instanceof DeviceEvent.PairDelivered d) {
        ArrayDeque<Pending> q = queues.get(d.allocation().value());
        if (q != null) {
          serve(q, d, engine.now(), counts);
        }
      }
    });
    long end = Math.round(p.simulatedSeconds() * 1e9);
    Workload.Stream stream = workload.stream(end);
    SimAction arrivals = new SimAction() {
      Request next = stream.next();

      @Override
      public void fire(long arg) {
        Request r = next;
        counts[0]++;
        counts[1] += r.pairs();
        Long a = allocationOfPair.get(key(r.src(), r.dst()));
        if (a != null) {
          ArrayDeque<Pending> q = queues.get(a);
          dropExpired(q, engine.now());
          q.addLast(new Pending(r));
        }
        next = stream.next();
        if (next != null) {
          engine.scheduleAt(next.arrivalNanos(), this, 0);
        }
      }

      SimAction first() {
        if (next != null) {
          engine.scheduleAt(next.arrivalNanos(), this, 0);
        }
        return this;
      }
    }.first();

    List<HeapSample> heap = new ArrayList<>();
    long step = p.heapSampleEverySeconds() > 0 ? Math.round(p.heapSampleEverySeconds() * 1e9) : end;
    for (long t = Math.min(step, end); ; t = Math.min(t + step, end)) {
      engine.runUntil(t);
      if (p.heapSampleEverySeconds() > 0) {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        heap.add(new HeapSample(t / 1e9, (System.nanoTime() - start) / 1e9, engine.eventsFired(),
            rt.totalMemory() - rt.freeMemory()));
      }
      if (t >= end) {
        break;
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    counts[4] = net.stats().delivered();
    return new Result(p.simulatedSeconds(), wall, engine.eventsFired(), accepted[0], accepted[1],
        counts[0], counts[1], counts[2], counts[3], counts[4], net.stats().meanDeliveredFidelity(),
        net.stats().cutoffs(), List.copyOf(heap));
  }

  private static void serve(ArrayDeque<Pending> q, DeviceEvent.PairDelivered d, long now, long[] counts) {
    dropExpired(q, now);
    for (Iterator<Pending> it = q.iterator(); it.hasNext(); ) {
      Pending w = it.next();
      if (w.request.deadlineNanos() >= now && d.fidelity() >= w.request.minFidelity()) {
        counts[2]++;
        if (--w.remaining == 0) {
          counts[3]++;
          it.remove();
        }
        return;
      }
    }
  }

  private static void dropExpired(ArrayDeque<Pending> q, long now) {
    q.removeIf(w -> w.request.deadlineNanos() < now);
  }

  private static String key(String a, String b) {
    return a.compareTo(b) < 0 ? a + ">" + b : b + ">" + a;
  }

  /** Chooses the pairs and paths and commands them through the HAL. */
  private static void plan(Topology t, Workload w, Params p, SimNetwork net,
      Map<String, Long> allocationOfPair, int[] accepted) {
    List<List<String>> paths = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String[] h : w.hotPairs()) {
      if (seen.add(key(h[0], h[1]))) {
        paths.add(t.shortestPath(h[0], h[1]).orElseThrow());
      }
    }
    SplittableRandom r = new RandomStreams(p.seed()).stream("bench.pairs");
    List<NodeSpec> nodes = t.nodes();
    while (paths.size() < p.allocations()) {
      String a = nodes.get(r.nextInt(nodes.size())).id();
      String b = nodes.get(r.nextInt(nodes.size())).id();
      if (!a.equals(b) && seen.add(key(a, b))) {
        paths.add(t.shortestPath(a, b).orElseThrow());
      }
    }
    Map<String, Integer> sourceUse = new HashMap<>();
    for (List<String> path : paths) {
      for (int i = 0; i + 1 < path.size(); i++) {
        sourceUse.merge(path.get(i), 1, Integer::sum);
      }
    }
    long next = 1;
    for (List<String> path : paths) {
      AllocationId a = AllocationId.of(next++);
      if (command(net, a, path, t, sourceUse)) {
        allocationOfPair.put(key(path.get(0), path.get(path.size() - 1)), a.value());
        accepted[0]++;
      } else {
        accepted[1]++;
      }
    }
  }

  private static boolean command(SimNetwork net, AllocationId a, List<String> path, Topology t,
      Map<String, Integer> sourceUse) {
    long dl = Long.MAX_VALUE;
    int k = path.size() - 1;
    List<NodeId> n = path.stream().map(NodeId::of).toList();
    boolean ok = true;
    for (int i = 0; i <= k && ok; i++) {
      List<NodeId> peers = new ArrayList<>();
      if (i > 0) {
        peers.add(n.get(i - 1));
      }
      if (i < k) {
        peers.add(n.get(i + 1));
      }
      ok = done(net.memoryAt(n.get(i)).reserve(a, dl, peers.size(), peers));
    }
    for (int i = 1; i < k && ok; i++) {
      ok = done(net.memoryAt(n.get(i)).swap(a, dl, n.get(i - 1), n.get(i + 1)));
    }
    if (!ok) {
      for (NodeId x : n) {
        net.memoryAt(x).release(a, dl);
      }
      return false;
    }
    for (int i = 1; i <= k; i++) {
      done(net.analyzerAt(n.get(i)).arm(a, dl, n.get(i - 1), 1e-9));
    }
    if (k > 1) {
      done(net.analyzerAt(n.get(k)).arm(a, dl, n.get(0), 1e-9));
    }
    for (int i = 0; i < k; i++) {
      double max = t.node(path.get(i)).orElseThrow().source().maxRatePairsPerSecond();
      double rate = Math.floor(max / sourceUse.get(path.get(i)) * 1e6) / 1e6;
      if (rate > 0) {
        done(net.sourceAt(n.get(i)).enable(a, dl, n.get(i + 1), rate));
      }
    }
    return true;
  }

  private static boolean done(java.util.concurrent.CompletionStage<CommandResult> s) {
    return s.toCompletableFuture().join().isOk();
  }
}
