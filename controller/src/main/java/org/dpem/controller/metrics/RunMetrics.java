package org.dpem.controller.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.RequestListener;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.hal.NodeId;

/**
 * The one place metrics are counted. Kept in Micrometer for export (Prometheus), and exactly (all
 * fidelities, all latencies) for the summary, since Micrometer's percentiles are approximate.
 * Per-epoch deltas come out of {@link #closeEpoch} for policies' observations and rewards. Loop
 * thread only, except {@link #registry()} which Micrometer makes safe to scrape.
 */
public final class RunMetrics implements RequestListener {
  private final MeterRegistry registry;
  private final Counter requestsCounter;
  private final Counter pairsDeliveredCounter;
  private final Counter contentionCounter;
  private final Map<RequestState, Counter> entered = new EnumMap<>(RequestState.class);
  private final DistributionSummary fidelitySummary;
  private final Map<RequestState, Long> inState = new EnumMap<>(RequestState.class);
  private final Map<RejectReason, Long> rejectedBy = new EnumMap<>(RejectReason.class);

  private long requests;
  private long pairsRequested;
  private long pairsAdmitted;
  private long pairsDelivered;
  private long lowFidelity;
  private long contention;
  private long shared;
  private long oversubscribed;
  private final java.util.concurrent.atomic.AtomicLong stocked = new java.util.concurrent.atomic.AtomicLong();
  private long stockUsed;
  private double held;
  private double useful;
  private double[] fidelities = new double[1024];
  private int nFidelity;
  private double[] latencies = new double[256];
  private int nLatency;
  private final Map<NodeId, long[]> perSource = new HashMap<>();
  private volatile JournalHealth journal = JournalHealth.CLEAN;

  // the epoch being counted
  private int eArrived;
  private int eRejected;
  private long ePairsRequested;
  private long ePairsDelivered;
  private int eDelivered;
  private int eExpired;
  private int eFailed;
  private double eFidelitySum;
  private long stockedAtClose;
  private long usedAtClose;

  public RunMetrics(MeterRegistry registry) {
    this.registry = registry;
    requestsCounter = Counter.builder("dpem.requests").description("requests arrived").register(registry);
    pairsDeliveredCounter = Counter.builder("dpem.pairs.delivered")
        .description("pairs delivered at or above the floor before the deadline").register(registry);
    contentionCounter = Counter.builder("dpem.contention")
        .description("conflicts: claims refused or cut for lack of capacity, over-subscribed cells, preemptions")
        .register(registry);
    for (RequestState s : RequestState.values()) {
      inState.put(s, 0L);
      entered.put(s, Counter.builder("dpem.requests.entered").tag("state", s.name().toLowerCase(java.util.Locale.ROOT))
          .register(registry));
      registry.gauge("dpem.requests.in_state", io.micrometer.core.instrument.Tags.of("state",
          s.name().toLowerCase(java.util.Locale.ROOT)), inState, m -> m.get(s));
    }
    fidelitySummary = DistributionSummary.builder("dpem.pair.fidelity").register(registry);
    registry.gauge("dpem.delivery_rate", this, m -> m.pairsRequested == 0 ? 0
        : (double) m.pairsDelivered / m.pairsRequested);
    registry.gauge("dpem.journal.damaged.regions", this, m -> m.journal.damagedRegions());
    registry.gauge("dpem.journal.damaged.bytes", this, m -> m.journal.damagedBytes());
    registry.gauge("dpem.journal.lost.requests", this, m -> m.journal.lostRequests().size());
  }

  /** Records what the journal replay found damaged at start. */
  public void journalHealth(JournalHealth h) {
    journal = h;
  }

  public JournalHealth journalHealth() {
    return journal;
  }

  public MeterRegistry registry() {
    return registry;
  }

  @Override
  public void admitted(TrackedRequest t) {
    requests++;
    eArrived++;
    requestsCounter.increment();
    count(t.state(), +1);
    // every pair asked for counts, rejected or not, so that refusing requests never looks good
    pairsRequested += t.request().pairs();
    ePairsRequested += t.request().pairs();
    perSource.computeIfAbsent(t.request().source(), k -> new long[2])[0] += t.request().pairs();
    if (t.state() == RequestState.REJECTED) {
      eRejected++;
      rejected(t);
      return;
    }
    pairsAdmitted += t.request().pairs();
  }

  /** Counts a request restored from the journal as if it had been admitted, with its progress. */
  public void restored(TrackedRequest t) {
    admitted(t);
    for (int i = 0; i < t.delivered(); i++) {
      pairsDelivered++;
      perSource.get(t.request().source())[1]++;
      addFidelity(t.meanFidelity());
    }
  }

  @Override
  public void moved(TrackedRequest t, RequestState from) {
    count(from, -1);
    count(t.state(), +1);
    switch (t.state()) {
      case DELIVERED -> {
        eDelivered++;
        latencies = grow(latencies, nLatency);
        latencies[nLatency++] = (t.closedNanos() - t.request().arrivalNanos()) / 1e9;
      }
      case EXPIRED -> eExpired++;
      case FAILED -> eFailed++;
      case REJECTED -> rejected(t);
      default -> { }
    }
  }

  @Override
  public void pairDelivered(TrackedRequest t, double fidelity, long atNanos) {
    pairsDelivered++;
    ePairsDelivered++;
    eFidelitySum += fidelity;
    pairsDeliveredCounter.increment();
    fidelitySummary.record(fidelity);
    perSource.computeIfAbsent(t.request().source(), k -> new long[2])[1]++;
    addFidelity(fidelity);
  }

  /** A pair that arrived below its floor or after its deadline. */
  public void lowFidelityPair() {
    lowFidelity++;
  }

  /** Resource share held by one allocation over its life, and the part of it that was useful. */
  public void allocationEnded(double shareHeld, double usefulFraction) {
    held += shareHeld;
    useful += shareHeld * Math.max(0, Math.min(1, usefulFraction));
  }

  /** A pair was heralded into a stock holding. Any thread (it is counted from device events). */
  public void pairStocked() {
    stocked.incrementAndGet();
  }

  /** {@code n} stocked pairs were handed over to an allocation. */
  public void stockUsed(int n) {
    stockUsed += n;
  }

  private void rejected(TrackedRequest t) {
    RejectReason r = t.reason() == null ? RejectReason.INVALID : t.reason();
    rejectedBy.merge(r, 1L, Long::sum);
    registry.counter("dpem.requests.rejected", "reason", r.name().toLowerCase(java.util.Locale.ROOT)).increment();
  }

  private void addFidelity(double f) {
    fidelities = grow(fidelities, nFidelity);
    fidelities[nFidelity++] = f;
  }

  private static double[] grow(double[] a, int n) {
    return n < a.length ? a : Arrays.copyOf(a, a.length * 2);
  }

  private void count(RequestState s, int d) {
    inState.merge(s, (long) d, Long::sum);
    if (d > 0) {
      entered.get(s).increment();
    }
  }

  /**
   * Ends the epoch's counting and returns its deltas.
   *
   * @param contentionEvents this epoch's conflicts (see {@link Summary#contentionEvents})
   * @param sharedCells cells claimed by two or more requests this epoch
   * @param oversubscribedCells cells whose holdings plus this epoch's claims exceeded capacity
   */
  public EpochMetrics closeEpoch(long epoch, int contentionEvents, int sharedCells,
      int oversubscribedCells, int granted, int refused, double shareHeld) {
    contention += contentionEvents;
    shared += sharedCells;
    oversubscribed += oversubscribedCells;
    contentionCounter.increment(contentionEvents);
    EpochMetrics m = new EpochMetrics(epoch, eArrived, eRejected, ePairsRequested,
        ePairsDelivered, eDelivered, eExpired, eFailed, contentionEvents, sharedCells,
        oversubscribedCells, granted, refused, shareHeld, eFidelitySum,
        stocked.get() - stockedAtClose, stockUsed - usedAtClose);
    stockedAtClose += m.stockedPairs();
    usedAtClose += m.stockedPairsUsed();
    eArrived = eRejected = eDelivered = eExpired = eFailed = 0;
    ePairsRequested = ePairsDelivered = 0;
    eFidelitySum = 0;
    return m;
  }

  public long requests() {
    return requests;
  }

  public long inState(RequestState s) {
    return inState.get(s);
  }

  public long pairsDelivered() {
    return pairsDelivered;
  }

  public Summary summary() {
    double[] f = Arrays.copyOf(fidelities, nFidelity);
    Arrays.sort(f);
    double[] l = Arrays.copyOf(latencies, nLatency);
    Arrays.sort(l);
    double mean = nFidelity == 0 ? Double.NaN : Arrays.stream(f).sum() / nFidelity;
    return new Summary(requests, inState(RequestState.QUEUED), inState(RequestState.ALLOCATED),
        inState(RequestState.DELIVERED), inState(RequestState.EXPIRED),
        inState(RequestState.FAILED), inState(RequestState.REJECTED), pairsRequested,
        pairsDelivered, pairsRequested == 0 ? 0 : (double) pairsDelivered / pairsRequested,
        contention, requests == 0 ? 0 : 1000.0 * contention / requests, oversubscribed,
        held == 0 ? 0 : 1 - useful / held, mean, quantile(f, 0.05), quantile(l, 0.50),
        quantile(l, 0.99), jain(), lowFidelity, rejectedBy, pairsAdmitted,
        pairsAdmitted == 0 ? 0 : (double) pairsDelivered / pairsAdmitted, shared, stocked.get(), stockUsed,
        Math.max(0, stocked.get() - stockUsed));
  }

  /** Nearest-rank quantile of sorted values; NaN if empty. */
  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /**
   * Jain's index {@code (sum x)^2 / (n sum x^2)} over source nodes that requested pairs, x being
   * each node's delivery rate (delivered / requested pairs, rejected ones included); 1 if all are served alike. NaN if no
   * node requested anything; 1 if all rates are 0.
   */
  double jain() {
    double s = 0;
    double s2 = 0;
    int n = 0;
    for (long[] v : perSource.values()) {
      if (v[0] == 0) {
        continue;
      }
      double x = (double) v[1] / v[0];
      s += x;
      s2 += x * x;
      n++;
    }
    if (n == 0) {
      return Double.NaN;
    }
    return s2 == 0 ? 1 : s * s / (n * s2);
  }
}
