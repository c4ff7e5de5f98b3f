package org.dpem.controller.loop;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.dpem.controller.forecast.NodeForecasting;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.metrics.EpochMetrics;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.NodeForecast;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestBook;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.Grant;
import org.dpem.controller.reserve.ReservationResult;
import org.dpem.controller.reserve.Reserver;
import org.dpem.controller.reserve.ResourceLedger;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.controller.topology.TopologySnapshot;
import org.dpem.hal.Device;
import org.dpem.hal.DeviceId;
import org.dpem.hal.DeviceDirectory;
import org.dpem.hal.NodeId;
import org.dpem.hal.TrustedNode;
import org.dpem.hal.event.DeviceEvent;
import org.dpem.hal.event.EventSource;
import org.dpem.hal.time.TimeBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop: once per epoch, on the time base, it takes in what happened (device events,
 * command acknowledgements, operator calls), expires overdue requests, asks the policy for
 * claims on one batched {@link EpochView}, reserves, commands the confirmed allocations through
 * hal, and flushes the journal. Everything runs on the thread the time base runs tasks on;
 * other threads only add to the inbox.
 */
public final class ControlLoop implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlLoop.class);

  final NetworkModel model;
  final DeviceDirectory devices;
  final TimeBase time;
  final LoopSettings settings;
  final RunMetrics metrics;
  final RequestBook book;
  final ResourceLedger ledger;
  final BitSet drained = new BitSet();
  final Map<Long, Allocation> active = new LinkedHashMap<>();
  AllocationPolicy policy;
  Function<String, AllocationPolicy> policies = Policies::create;
  final List<PolicyChange> policyChanges = new ArrayList<>();
  TopologySnapshot topology;
  boolean estopped;
  /** Devices an operator put SAFE one by one: only their own clear-fault or resume --all lifts that. */
  final Set<DeviceId> heldSafe = new HashSet<>();

  final Journal journal;
  final Commander commander;
  private final Reserver reserver;
  private final Conflicts conflicts;
  private final Decisions decisions;
  private final DeviceOutcomes outcomes = new DeviceOutcomes(this);
  private final Stockpile stockpile;
  private final ViewBuilder views;
  private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  private final List<Runnable> afterFlush = new ArrayList<>();
  private final Waits waits = new Waits();
  private final Map<Long, Integer> attempts = new HashMap<>();
  private final LoopOperator operator;
  private EventSource.Subscription subscription;
  private TimeBase.Scheduled next;
  private boolean topologyDirty = true;
  private long topologyVersion;
  private long epoch;
  private long nextAllocation = 1;
  private long epochStartNanos;
  private boolean running;
  private EpochMetrics last = EpochMetrics.NONE;
  private Consumer<EpochMetrics> epochListener = m -> { };
  private Histogram epochCost;
  private NodeForecasting forecasting;

  public ControlLoop(NetworkModel model, DeviceDirectory devices, TimeBase time,
      LoopSettings settings, AllocationPolicy policy, RunMetrics metrics, Journal journal,
      Commander commander) {
    this.model = model;
    this.devices = devices;
    this.time = time;
    this.settings = settings;
    this.policy = policy;
    this.metrics = metrics;
    this.journal = journal;
    this.commander = commander;
    this.book = new RequestBook(model, new RecordingListener(metrics, journal));
    this.ledger = new ResourceLedger(model);
    this.reserver = new Reserver(model);
    this.conflicts = new Conflicts(model);
    this.decisions = new Decisions(this, conflicts);
    this.views = new ViewBuilder(model);
    this.stockpile = new Stockpile(model, devices, ledger, commander, metrics,
        () -> nextAllocation++, inbox::add, active::containsKey);
    this.operator = new LoopOperator(this);
  }

  /** The operator facade: safe to call from any thread. */
  public org.dpem.controller.operator.Operator operator() {
    return operator;
  }

  /** Called at the end of every epoch with its metric deltas (loop thread). */
  public void onEpoch(Consumer<EpochMetrics> listener) {
    this.epochListener = listener;
  }

  /**
   * Records each epoch's computing time (nanoseconds, host clock) into {@code h}: for benchmarks;
   * the measurement never feeds back into control.
   */
  public void measureEpochs(Histogram h) {
    this.epochCost = h;
  }

  /**
   * Runs every node's forecaster on the requests the node sees; each epoch's view then carries
   * the forecasts ({@link org.dpem.controller.policy.NodeView#forecast}). Before {@link #start};
   * the loop closes it.
   */
  public void forecastWith(NodeForecasting f) {
    this.forecasting = f;
  }

  /**
   * Restores requests from a journal replay: live ones come back QUEUED, and whatever their
   * allocations may still hold on devices is released first.
   *
   * @param originMillis wall-clock time of this process's time-base zero (times in the journal
   *     are shifted onto it)
   * @return what was restored and released
   */
  public Recovered recover(Journal.Replay replay, long originMillis) {
    Recovery.Restored r = Recovery.restore(replay, book, metrics, originMillis);
    for (Map.Entry<Long, List<String>> open : r.openAllocations().entrySet()) {
      commander.release(open.getKey(), open.getValue(), time.nowNanos() + settings.commandTimeoutNanos());
      if (journal != null) {
        journal.append(new JournalRecord.AllocationClosed(open.getKey(), "recovered: released"));
      }
    }
    nextAllocation = Math.max(nextAllocation, r.nextAllocationId());
    if (journal != null) {
      journal.flush();
    }
    metrics.journalHealth(new org.dpem.controller.metrics.JournalHealth(replay.damage().size(),
        replay.lostBytes(), r.lostRequests(), replay.idsLostAtMost()));
    return new Recovered(r.requests(), r.live(), r.openAllocations().size(), r.lostRequests());
  }

  /**
   * The records a fresh journal needs to stand for this loop's present state, for
   * {@link Journal#rotate}: the origin, the id floors, and every live request (QUEUED, with its
   * progress). Only before {@link #start}, after {@link #recover}: no allocation is open then.
   *
   * @param originMillis wall-clock time of this process's time-base zero
   */
  public List<JournalRecord> journalSnapshot(long originMillis) {
    if (running || !active.isEmpty()) {
      throw new IllegalStateException("a journal snapshot is taken before the loop starts");
    }
    return Recovery.snapshot(book, nextAllocation, originMillis);
  }

  /** Subscribes to device events and runs the first epoch now, then one per epoch. */
  public void start() {
    if (running) {
      return;
    }
    running = true;
    subscription = devices.subscribe(this::onDeviceEvent);
    epochStartNanos = time.nowNanos();
    next = time.schedule(0, this::tick);
  }

  /** Stops scheduling epochs (the current one finishes). */
  public void stop() {
    running = false;
    if (next != null) {
      next.cancel();
    }
  }

  private void onDeviceEvent(DeviceEvent e) {
    commander.onEvent(e);
    stockpile.onEvent(e);
    if (e instanceof DeviceEvent.PairDelivered || e instanceof DeviceEvent.StateChanged
        || (e instanceof DeviceEvent.Fault f && f.latched())) {
      inbox.add(() -> outcomes.handle(e));
    }
  }

  /** Queues work for the loop thread (operator calls). */
  void enqueue(Runnable r) {
    inbox.add(r);
  }

  /** Runs after this epoch's journal flush. Loop thread only. */
  void afterFlush(Runnable r) {
    afterFlush.add(r);
  }

  /** One control epoch. Public for benchmarks and tests that drive the loop by hand. */
  public void tick() {
    long cost = epochCost == null ? 0 : System.nanoTime();
    long now = time.nowNanos();
    epochStartNanos = now;
    Runnable r;
    while ((r = inbox.poll()) != null) {
      r.run();
    }
    waits.check(now);
    if (topologyDirty) {
      rebuildTopology();
    }
    // every epoch, queue or not, so that each node's history has no gaps
    List<NodeForecast> forecasts = forecasting == null ? List.of() : forecasting.advance();
    expire(now);
    ReservationResult rr = null;
    int conflicting = 0;
    if (!estopped && running) {
      // decided every epoch, queue or not: stock orders stand only while the policy renews them
      stockpile.lendGeneration();
      EpochView view = views.build(epoch, now, settings.epochNanos(), topology, book.queued(), ledger,
          drained, last, active.values(), forecasts);
      Decision d = policy.decide(view);
      // actions first, so that what they free is free for this epoch's claims
      conflicting += decisions.apply(d.actions(), now);
      List<Claim> claims = decisions.validClaims(d.claims(), view);
      long deadline = now + settings.commandTimeoutNanos();
      var stock = stockpile.claims(d.stock(), claims, topology, deadline);
      rr = reserver.resolve(claims, stock, ledger, id -> book.get(id).map(TrackedRequest::request).orElse(null));
      for (Grant g : rr.granted()) {
        open(g, now);
      }
      conflicting += conflicts.count(view.pending(), rr, ledger);
      stockpile.granted(rr.stocked(), deadline);
    }
    double share = 0;
    for (Allocation a : active.values()) {
      double s = 0;
      for (int i = 0; i < a.usage().resources().length; i++) {
        double cap = ledger.capacity(a.usage().resources()[i]);
        if (cap > 0) {
          s += a.usage().amounts()[i] / cap;
        }
      }
      a.addShare(s);
      share += s;
    }
    last = rr == null
        ? metrics.closeEpoch(epoch, conflicting, 0, 0, 0, 0, share)
        : metrics.closeEpoch(epoch, conflicting, rr.sharedCells(), rr.oversubscribedCells(),
            rr.granted().size(), rr.refused().size(), share);
    if (journal != null) {
      journal.flush();
    }
    for (Runnable a : afterFlush) {
      a.run();
    }
    afterFlush.clear();
    epochListener.accept(last);
    epoch++;
    if (epochCost != null) {
      epochCost.recordValue(Math.max(0, System.nanoTime() - cost));
    }
    if (running) {
      long due = epochStartNanos + settings.epochNanos();
      next = time.schedule(due - time.nowNanos(), this::tick);
    }
  }

  void rebuildTopology() {
    BitSet usable = new BitSet(model.nodeCount());
    for (int i = 0; i < model.nodeCount(); i++) {
      NodeId id = model.node(i).id();
      if (!drained.get(i) && devices.node(id).map(TrustedNode::usable).orElse(false)) {
        usable.set(i);
      }
    }
    topology = new TopologySnapshot(model, usable, ++topologyVersion, settings.kPaths());
    topologyDirty = false;
  }

  void markTopologyDirty() {
    topologyDirty = true;
  }

  private void expire(long now) {
    List<TrackedRequest> overdue = null;
    for (TrackedRequest t : book.live()) {
      if (t.request().deadlineNanos() <= now) {
        if (overdue == null) {
          overdue = new ArrayList<>();
        }
        overdue.add(t);
      }
    }
    if (overdue != null) {
      for (TrackedRequest t : overdue) {
        finish(t, RequestState.EXPIRED, null, "deadline passed with " + t.delivered() + " of "
            + t.request().pairs() + " pairs", t.request().deadlineNanos());
      }
    }
  }

  private void open(Grant g, long now) {
    TrackedRequest t = book.get(g.claim().requestId()).orElseThrow();
    Allocation a = new Allocation(nextAllocation++, t, g.claim().path(), g.rate(), g.usage(), now);
    active.put(a.id(), a);
    if (t.state() != RequestState.ALLOCATED) {
      // the second half of a split request is the same attempt
      attempts.merge(t.id(), 1, Integer::sum);
    }
    book.allocate(t, a.id(), now);
    if (journal != null) {
      journal.append(new JournalRecord.AllocationOpened(a.id(), t.id(),
          a.path().nodes().stream().map(NodeId::value).toList(), a.rate()));
    }
    long deadline = Math.min(t.request().deadlineNanos(), now + settings.commandTimeoutNanos());
    commander.start(a, deadline).whenComplete((why, ex) -> inbox.add(() ->
        started(a, ex != null ? String.valueOf(ex) : why)));
    stockpile.handOver(a, deadline);
  }

  private void started(Allocation a, String why) {
    if (active.get(a.id()) != a) {
      return;
    }
    if (why == null) {
      a.markCommanded();
    } else {
      reroute(a, "start refused: " + why, time.nowNanos());
    }
  }

  /** Ends a live request in a terminal state, ending its allocations first. */
  void finish(TrackedRequest t, RequestState to, RejectReason why, String detail, long at) {
    finish(t, to, why, detail, at, to.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** As {@link #finish(TrackedRequest, RequestState, RejectReason, String, long)}, with the allocations' journal outcome. */
  void finish(TrackedRequest t, RequestState to, RejectReason why, String detail, long at,
      String outcome) {
    for (Allocation a : allocationsOf(t)) {
      end(a, outcome, at);
    }
    attempts.remove(t.id());
    conflicts.forget(t.id());
    book.move(t, to, why, detail, at);
  }

  /** The running allocations of a request (two if it is split). */
  List<Allocation> allocationsOf(TrackedRequest t) {
    List<Allocation> out = new ArrayList<>(2);
    if (t.allocation() == 0) {
      return out;
    }
    for (Allocation a : active.values()) {
      if (a.request() == t) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Ends an allocation early; if its request has no other allocation, the request goes back to
   * the queue or, out of attempts, FAILs.
   */
  void reroute(Allocation a, String why, long at) {
    end(a, "failed: " + why, at);
    TrackedRequest t = a.request();
    if (t.state().terminal() || stillServed(t, at)) {
      return;
    }
    if (attempts.getOrDefault(t.id(), 0) < settings.maxAttempts()
        && t.request().deadlineNanos() > time.nowNanos()) {
      book.move(t, RequestState.QUEUED, null, why, at);
    } else {
      finish(t, RequestState.FAILED, null, why, at);
    }
  }

  /**
   * Whether a live request still has a running allocation after one of its own ended; if so it
   * stays ALLOCATED on it.
   */
  boolean stillServed(TrackedRequest t, long at) {
    List<Allocation> rest = allocationsOf(t);
    if (rest.isEmpty()) {
      return false;
    }
    book.allocate(t, rest.get(0).id(), at);
    return true;
  }

  void end(Allocation a, String outcome, long at) {
    if (active.remove(a.id()) == null) {
      return;
    }
    outcomes.forget(a);
    ledger.release(a.usage());
    stockpile.allocationEnded(a.id());
    commander.stop(a, time.nowNanos() + settings.commandTimeoutNanos());
    metrics.allocationEnded(a.shareHeld(), a.usefulFraction());
    if (journal != null) {
      journal.append(new JournalRecord.AllocationClosed(a.id(), outcome));
    }
  }

  /** Admits a request now. Loop thread only (workload generators in the simulator). */
  public TrackedRequest submitNow(Request.Spec spec) {
    if (forecasting != null) {
      int s = model.indexOf(spec.source());
      int d = model.indexOf(spec.destination());
      if (s >= 0 && d >= 0) {
        forecasting.record(s, d, spec.pairs());
      }
    }
    return book.submit(spec, time.nowNanos(), drained);
  }

  /**
   * Runs {@code then} on the loop thread as soon as {@code done} holds (checked now and at each
   * epoch) or the time base passes {@code deadlineNanos}, whichever comes first. Loop thread only.
   */
  void awaitOrDeadline(BooleanSupplier done, long deadlineNanos, Runnable then) {
    waits.await(done, time.nowNanos(), deadlineNanos, then);
  }

  /** Emergency stop: every allocation ended (requests re-queued), every device made safe. */
  void estop() {
    estopped = true;
    long now = time.nowNanos();
    stockpile.releaseAll(now + settings.commandTimeoutNanos());
    for (Allocation a : new ArrayList<>(active.values())) {
      end(a, "estop", now);
      if (a.request().state() == RequestState.ALLOCATED && !stillServed(a.request(), now)) {
        book.move(a.request(), RequestState.QUEUED, null, "estop", now);
      }
    }
    for (TrustedNode n : devices.nodes()) {
      for (Device d : n.devices()) {
        d.safe(now + settings.commandTimeoutNanos());
      }
    }
    markTopologyDirty();
  }

  public long epoch() {
    return epoch;
  }

  public RequestBook requests() {
    return book;
  }

  public RunMetrics metrics() {
    return metrics;
  }

  public int activeAllocations() {
    return active.size();
  }

  public String policyName() {
    return policy.name();
  }

  /**
   * How an operator's {@code policy NAME} is turned into a policy (default
   * {@link org.dpem.controller.policy.Policies#create}); a run sets the one its config
   * parameterises. Call before the loop starts.
   */
  public void usePolicies(Function<String, AllocationPolicy> factory) {
    this.policies = factory;
  }

  /**
   * The routes every policy was offered, when the topology never changed during the run (one
   * snapshot, every node usable); null otherwise. Its path cache is warm, which spares the bound
   * recomputing every request's paths.
   */
  public TopologySnapshot onlyTopology() {
    return topologyVersion == 1 && topology != null && topology.allUsable() ? topology : null;
  }

  /** Operator policy switches so far, oldest first. */
  public List<PolicyChange> policyChanges() {
    return List.copyOf(policyChanges);
  }

  /** Runs the inbox and closes nothing: for a final drain of events before reporting. */
  public void drainInbox() {
    Runnable r;
    while ((r = inbox.poll()) != null) {
      r.run();
    }
  }

  @Override
  public void close() {
    stop();
    if (subscription != null) {
      subscription.close();
    }
    if (journal != null) {
      journal.close();
    }
    if (forecasting != null) {
      forecasting.close();
    }
  }
}
