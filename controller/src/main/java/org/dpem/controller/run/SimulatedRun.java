package org.dpem.controller.run;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;
import org.dpem.controller.bound.TimeIndexedBound;
import org.dpem.controller.bound.UpperBound;
import org.dpem.controller.topology.TopologySnapshot;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.loop.ControlLoop;
import org.dpem.controller.loop.HalCommander;
import org.dpem.controller.loop.LoopSettings;
import org.dpem.controller.loop.Recovered;
import org.dpem.controller.metrics.PrometheusEndpoint;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.operator.Operator;
import org.dpem.controller.forecast.NodeForecasting;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.hil.HilDevices;
import org.dpem.controller.hil.WallPacer;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.NodeId;
import org.dpem.hal.time.TimeBase;
import org.dpem.hal.time.WallClockTimeBase;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One controller run against the simulated network, in virtual time as fast as the CPU allows:
 * requests arrive from the scenario's workload for the run's duration, then the run continues
 * until every accepted request has reached a terminal state (at most the longest deadline), so
 * that nothing is left live when the statistics are taken.
 */
public final class SimulatedRun {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedRun.class);

  /**
   * A journal larger than this at start is rotated, so that replay stays short on a controller
   * that restarts after weeks: 32 MiB is about 900,000 records (a request's life takes about six,
   * 37 bytes each), which read back in about a second on a 2-core lab machine.
   */
  static final long ROTATE_JOURNAL_BYTES = 32L << 20;

  private final Scenario scenario;
  private final RunOptions options;
  private final AtomicBoolean stop = new AtomicBoolean();
  private volatile Operator operator;
  private Equipment equipment;
  private java.util.function.Consumer<MeterRegistry> meterBinder;
  private volatile HilDevices hil;
  private UnaryOperator<AllocationPolicy> policyWrapper = UnaryOperator.identity();

  /** Brings up a run's serial and MQTT devices against the simulated world. */
  @FunctionalInterface
  public interface Equipment {
    HilDevices open(SimNetwork world);
  }

  public SimulatedRun(Scenario scenario, RunOptions options) {
    this.scenario = scenario;
    this.options = options;
  }

  /**
   * Makes this a hardware-in-the-loop run: the equipment is opened against the world before the
   * loop starts, the controller reaches those devices through it, and virtual time is paced to
   * the wall clock. Closed when the run ends.
   */
  public SimulatedRun withEquipment(Equipment e) {
    this.equipment = e;
    return this;
  }

  /** Registers further meters (e.g. federation's) in the run's registry when it is made. */
  public SimulatedRun withMetrics(java.util.function.Consumer<MeterRegistry> binder) {
    this.meterBinder = binder;
    return this;
  }

  /**
   * Wraps the run's policy, e.g. to record every decision for a replayable log; the wrapper
   * must pass decisions through unchanged.
   */
  public SimulatedRun withPolicyWrapper(UnaryOperator<AllocationPolicy> wrapper) {
    this.policyWrapper = wrapper;
    return this;
  }

  /** The run's equipment once opened (null for a pure simulation). */
  public HilDevices equipment() {
    return hil;
  }

  /** Asks a running run to stop (from any thread, e.g. on SIGINT); it then reports. */
  public void requestStop() {
    stop.set(true);
  }

  /** The running controller's operator facade, once started (null before). */
  public Operator operator() {
    return operator;
  }

  public RunReport run() {
    long wall0 = System.nanoTime();
    SimEngine engine = new SimEngine(options.seed());
    SimNetwork net = new SimNetwork(engine, scenario.topology(), NetworkOptions.quiet());
    TimeBase time = engine.timeBase();
    DeviceDirectory devices = net;
    WallPacer pacer = null;
    WallClockTimeBase demoClock = null;
    if (equipment != null) {
      hil = equipment.open(net);
      devices = hil.directory();
      pacer = new WallPacer(hil.clock(), 1_000_000L);
      // opening devices took wall time; the world starts there, so both clocks agree from now on
      pacer.catchUp(engine);
    } else if (options.speed().isPresent()) {
      demoClock = new WallClockTimeBase();
      pacer = WallPacer.atSpeed(demoClock, options.speed().getAsDouble(), engine, 1_000_000L);
    }
    try {
      return run(engine, net, devices, pacer, wall0);
    } finally {
      if (hil != null) {
        hil.close();
      }
      if (demoClock != null) {
        demoClock.close();
      }
    }
  }

  private RunReport run(SimEngine engine, SimNetwork net, DeviceDirectory devices, WallPacer pacer,
      long wall0) {
    TimeBase time = engine.timeBase();
    long t0 = time.nowNanos();
    // only a run with equipment can resume: the simulated world restarts from zero
    Journal.Opened opened = openJournal(hil != null);
    Journal journal = opened == null ? null : opened.journal();
    MeterRegistry registry = options.prometheusPort().isPresent()
        ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : new SimpleMeterRegistry();
    if (meterBinder != null) {
      meterBinder.accept(registry);
    }
    PrometheusEndpoint endpoint = options.prometheusPort().isPresent()
        ? new PrometheusEndpoint((PrometheusMeterRegistry) registry, options.prometheusPort().getAsInt())
        : null;
    if (endpoint != null) {
      LOG.info("metrics on http://127.0.0.1:{}/metrics", endpoint.port());
    }
    AllocationPolicy policy = policyWrapper.apply(scenario.policies().apply(options.policy()));
    ControlLoop loop = new ControlLoop(scenario.model(), devices, time,
        new LoopSettings(options.epochMs() * 1_000_000L, options.kPaths(), 3,
            Math.max(options.epochMs(), 1000) * 1_000_000L),
        policy, new RunMetrics(registry), journal,
        new HalCommander(devices, scenario.model()));
    loop.usePolicies(scenario.policies());
    if (policy.readsForecasts()) {
      loop.forecastWith(new NodeForecasting(scenario.model().nodeCount(), scenario.forecasts()));
    }
    int recovered = 0;
    if (journal != null) {
      // wall-clock time of this time base's zero, so that journaled deadlines keep their meaning
      long origin = Clock.systemUTC().millis() - time.nowNanos() / 1_000_000L;
      if (!opened.replay().records().isEmpty() || opened.replay().corrupt()) {
        Recovered r = loop.recover(opened.replay(), origin);
        recovered = r.carriedOver();
        LOG.info("journal {}: {} requests known, {} live carried over, {} open allocations released",
            options.journal(), r.known(), r.carriedOver(), r.released());
        if (!r.lostRequests().isEmpty()) {
          LOG.error("journal {}: the admission of {} request(s) was in the damaged bytes and is lost,"
              + " ids {}", options.journal(), r.lostRequests().size(), r.lostRequests());
        }
        if (opened.replay().corrupt()) {
          LOG.warn("journal {}: ids skip {} past the highest seen, since the damaged bytes could have"
              + " held that many", options.journal(), opened.replay().idsLostAtMost());
        }
      }
      if (journal.sizeBytes() > ROTATE_JOURNAL_BYTES) {
        Path kept = journal.rotate(loop.journalSnapshot(origin));
        LOG.info("journal {}: earlier history kept in {}; the journal now starts from the {} live"
            + " requests", options.journal(), kept, loop.requests().live().size());
      } else {
        journal.append(new JournalRecord.Origin(origin));
        journal.flush();
      }
    }
    Histogram cost = options.timeEpochs() ? new Histogram(3_600_000_000L, 3) : null;
    if (cost != null) {
      loop.measureEpochs(cost);
    }
    operator = loop.operator();
    long end = options.durationS().isPresent()
        ? t0 + TimeBase.nanos(options.durationS().getAsDouble()) : Long.MAX_VALUE;
    Arrivals arrivals = scenario.arrivals().apply(options.seed());
    // the bound needs every accepted request over the run's own time: an endless run keeps none,
    // and requests carried over from a journal arrived before it started
    boolean bound = options.upperBound() && options.durationS().isPresent() && recovered == 0;
    List<Request> accepted = bound ? new ArrayList<>() : null;
    feed(loop, time, t0, arrivals, end, accepted);
    loop.start();
    advance(engine, pacer, end, stop::get);
    long drainEnd = time.nowNanos() + TimeBase.nanos(3600);
    advance(engine, pacer, drainEnd, () -> stop.get() || loop.requests().live().isEmpty());
    loop.drainInbox();
    loop.close();
    double simSeconds = (time.nowNanos() - t0) / 1e9;
    long ub0 = System.nanoTime();
    UpperBound.Result ub = bound
        ? bound(accepted, simSeconds, loop.onlyTopology())
        : new UpperBound.Result(Double.NaN, Double.NaN, 0, 0,
            !options.upperBound() ? "skipped"
                : recovered > 0 ? "skipped: live requests carried over from the journal"
                : "skipped: run without a duration");
    // a skipped solve took no time worth reporting; the run's wall time includes the solve
    double ubSeconds = bound ? (System.nanoTime() - ub0) / 1e9 : Double.NaN;
    double peakRatio = bound ? peakLoadOverBound(accepted, simSeconds, loop.onlyTopology()) : Double.NaN;
    double wall = (System.nanoTime() - wall0) / 1e9;
    if (endpoint != null) {
      endpoint.close();
    }
    // the policy in force at the end: an operator may have switched it over the admin socket
    return new RunReport(loop.policyName(), options.seed(), scenario.description(), simSeconds,
        wall, loop.epoch(), loop.metrics().summary(), ub.pairs(), ub.method(), ubSeconds,
        recovered, engine.eventsFired(), cost == null ? Double.NaN : cost.getValueAtPercentile(50) / 1e3,
        cost == null ? Double.NaN : cost.getValueAtPercentile(99) / 1e3, loop.policyChanges(),
        ub.note(), peakRatio, loop.metrics().journalHealth());
  }

  /**
   * Offered load at the cycle's peak over what the bound says the network can serve of it: the
   * accepted requests arriving in the peak quarter of each cycle, their pairs over the bound's
   * pairs for them alone (so the rest of the run's capacity is theirs too, which errs towards
   * more capacity). 1 means the bound could serve all of it; NaN without a cycle.
   */
  private double peakLoadOverBound(List<Request> accepted, double seconds, TopologySnapshot routes) {
    if (scenario.cycleS() <= 0) {
      return Double.NaN;
    }
    List<Request> peak = new ArrayList<>();
    double offered = 0;
    for (Request r : accepted) {
      if (scenario.atPeak(r.arrivalNanos() / 1e9)) {
        peak.add(r);
        offered += r.pairs();
      }
    }
    if (peak.isEmpty()) {
      return Double.NaN;
    }
    double servable = bound(peak, seconds, routes).pairs();
    return servable > 0 ? offered / servable : Double.POSITIVE_INFINITY;
  }

  /**
   * The time-indexed bound; should it fail, the pooled one (looser, but still valid), saying why.
   */
  private UpperBound.Result bound(List<Request> accepted, double seconds, TopologySnapshot routes) {
    UpperBound.Result r;
    try {
      r = TimeIndexedBound.solve(scenario.model(), accepted, seconds, routes);
    } catch (RuntimeException e) {
      UpperBound.Result pooled = UpperBound.solve(scenario.model(), accepted, seconds);
      r = new UpperBound.Result(pooled.pairs(), pooled.pairsPerSecond(), pooled.commodities(),
          pooled.variables(), pooled.method(), "time-indexed bound failed (" + e.getMessage()
              + "); the pooled bound over the whole run is reported instead");
    }
    if (!r.note().isEmpty()) {
      LOG.info("upper bound {}: {}", r.method(), r.note());
    }
    return r;
  }

  /**
   * Opens the run's journal, if it has one. A run that cannot resume refuses a journal that
   * already holds records rather than mixing two runs' requests in one file.
   */
  private Journal.Opened openJournal(boolean resumable) {
    Path file = options.journal();
    if (file == null) {
      return null;
    }
    if (!resumable) {
      Journal.Replay earlier;
      try {
        earlier = Journal.read(file);
      } catch (IOException e) {
        throw new RunRefused("cannot read journal " + file + ": " + e.getMessage());
      }
      if (!earlier.records().isEmpty() || earlier.corrupt()) {
        throw new RunRefused("journal " + file + " holds " + earlier.records().size()
            + " records of an earlier run, and a simulated run cannot resume one (its world starts"
            + " afresh): move the file away or give another --journal");
      }
    }
    // syncing to disk every epoch is what equipment runs need (power loss) and what would make a
    // virtual-time run crawl
    Journal.Opened o = Journal.open(file, resumable);
    if (o.replay().corrupt()) {
      LOG.warn("journal {}: damaged: {}; the {} intact records around it are recovered{}", file,
          o.replay().corruption(), o.replay().records().size(), o.savedTail() == null ? ""
              : "; the " + o.replay().discardedBytes() + " bytes of the damaged tail were cut off"
                  + " and kept in " + o.savedTail());
    }
    return o;
  }

  /** A run that cannot start as asked; the message says why and what to do. */
  public static final class RunRefused extends RuntimeException {
    public RunRefused(String message) {
      super(message);
    }
  }

  /** The model's own id object for a node, so requests share them. */
  private NodeId node(String id) {
    NodeId n = NodeId.of(id);
    int i = scenario.model().indexOf(n);
    return i < 0 ? n : scenario.model().node(i).id();
  }

  private static void advance(SimEngine engine, WallPacer pacer, long end,
      java.util.function.BooleanSupplier stop) {
    if (pacer == null) {
      engine.runUntil(end, stop);
    } else {
      pacer.runUntil(engine, end, stop);
    }
  }

  /** Schedules each arrival on the engine; it submits on the loop's own thread. */
  private void feed(ControlLoop loop, TimeBase time, long t0, Arrivals arrivals, long end,
      List<Request> accepted) {
    org.dpem.sim.workload.Request r = arrivals.next();
    if (r == null || t0 + r.arrivalNanos() >= end) {
      return;
    }
    time.schedule(t0 + r.arrivalNanos() - time.nowNanos(), () -> {
      try {
        TrackedRequest t = loop.submitNow(new Request.Spec(node(r.src()), node(r.dst()),
            r.minFidelity(), r.pairs(), r.deadlineNanos(), 0));
        if (accepted != null && t.state() != RequestState.REJECTED) {
          accepted.add(t.request());
        }
      } catch (IllegalArgumentException e) {
        LOG.warn("request {} -> {} skipped: {}", r.src(), r.dst(), e.getMessage());
      }
      feed(loop, time, t0, arrivals, end, accepted);
    });
  }
}
