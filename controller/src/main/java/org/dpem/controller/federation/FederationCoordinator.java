package org.dpem.controller.federation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.dpem.controller.admin.FederationStatus;
import org.dpem.hal.time.TimeBase;
import org.dpem.learning.federated.ClientUpdate;
import org.dpem.learning.federated.DpFedAvg;
import org.dpem.learning.federated.RoundResult;
import org.dpem.learning.federated.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs federation rounds for the aggregator: every interval it opens a round of {@link DpFedAvg}
 * (Poisson-sampling the agents), announces it through the transport, and closes it when every
 * sampled agent has answered or the round timeout passes, whichever is first; updates after that
 * are dropped as stale. When the epsilon budget would be exceeded by another round, federation
 * stops and says so in the log, in {@link #status()} and in the metrics. A round whose
 * announcement could not be sent is abandoned without spending privacy.
 */
public final class FederationCoordinator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FederationCoordinator.class);

  private final DpFedAvg fedAvg;
  private final List<String> agents;
  private final FederationTransport transport;
  private final TimeBase time;
  private final long intervalNanos;
  private final long timeoutNanos;
  private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "federation aggregator");
    t.setDaemon(true);
    return t;
  });
  private FederationTransport.AggregatorEnd end;
  private DpFedAvg.Round current;
  private TimeBase.Scheduled timeout;
  private volatile RoundResult last;
  private volatile boolean stopped;
  private final List<AutoCloseable> resources = new ArrayList<>();
  private PrivacyLedger ledger;
  private Consumer<RoundResult> listener = r -> { };

  /**
   * @param interval time between the end of one round and the start of the next
   * @param timeout how long a round waits for updates
   */
  public FederationCoordinator(DpFedAvg fedAvg, List<String> agents, FederationTransport transport, TimeBase time,
      Duration interval, Duration timeout) {
    if (agents.isEmpty()) {
      throw new IllegalArgumentException("a federation needs at least one agent");
    }
    this.fedAvg = fedAvg;
    this.agents = List.copyOf(agents);
    this.transport = transport;
    this.time = time;
    this.intervalNanos = interval.toNanos();
    this.timeoutNanos = timeout.toNanos();
  }

  /** Records the privacy spent in {@code ledger} after every round. */
  public FederationCoordinator recording(PrivacyLedger ledger) {
    this.ledger = ledger;
    return this;
  }

  /** Hands every closed round's result to {@code l}, on the aggregator's thread. */
  public FederationCoordinator onRound(Consumer<RoundResult> l) {
    this.listener = l;
    return this;
  }

  /** Closes {@code resource} (e.g. the clock) with this coordinator. */
  public FederationCoordinator closing(AutoCloseable resource) {
    resources.add(resource);
    return this;
  }

  /** Opens the aggregator's end and schedules the first round after one interval. */
  public FederationCoordinator start() throws FederationException {
    end = transport.openAggregator(u -> work.execute(() -> onUpdate(u)), () -> work.execute(this::reannounce));
    LOG.info("federation of {} agents: rule {}, clip {}, noise multiplier {}, sampling rate {}, a round every {} s",
        agents.size(), fedAvg.settings().robust(), fedAvg.settings().clipNorm(), fedAvg.settings().noiseMultiplier(),
        fedAvg.settings().samplingRate(), intervalNanos / 1e9);
    scheduleNext();
    return this;
  }

  /** Registers the federation's gauges (round, participants, dropped, epsilon, budget left). */
  public void bindMetrics(MeterRegistry registry) {
    Gauge.builder("dpem.federation.round", this, c -> c.status().round()).register(registry);
    Gauge.builder("dpem.federation.rounds", this, c -> c.status().rounds()).register(registry);
    Gauge.builder("dpem.federation.participants", this, c -> c.status().participants()).register(registry);
    Gauge.builder("dpem.federation.dropped_updates", this, c -> c.status().droppedUpdates()).register(registry);
    Gauge.builder("dpem.federation.rejected_messages", this, c -> c.status().rejectedMessages()).register(registry);
    Gauge.builder("dpem.federation.epsilon", this, c -> orNaN(c.status().epsilonSpent())).register(registry);
    Gauge.builder("dpem.federation.budget_left", this, c -> orNaN(c.status().budgetLeft())).register(registry);
    Gauge.builder("dpem.federation.budget_spent", this, c -> "budget_spent".equals(c.status().state()) ? 1 : 0)
        .register(registry);
  }

  private static double orNaN(Double d) {
    return d == null ? Double.NaN : d;
  }

  private void scheduleNext() {
    if (!stopped) {
      time.schedule(intervalNanos, () -> work.execute(this::startRound));
    }
  }

  private void startRound() {
    if (stopped) {
      return;
    }
    Optional<DpFedAvg.Round> r = fedAvg.open(agents);
    if (r.isEmpty()) {
      stopped = true;
      LOG.warn("federation stopped: the epsilon budget {} is spent (epsilon {} at delta {} after {} rounds; "
          + "another round would exceed it)", fedAvg.settings().epsilonBudget(),
          String.format(Locale.ROOT, "%.4f", fedAvg.spent().epsilon()), fedAvg.settings().delta(),
          fedAvg.completedRounds());
      return;
    }
    current = r.get();
    try {
      end.announce(announcement(current));
    } catch (FederationException e) {
      LOG.warn("federation round {} abandoned: its announcement could not be sent: {}", current.id(), e.getMessage());
      fedAvg.abort();
      current = null;
      scheduleNext();
      return;
    }
    long id = current.id();
    timeout = time.schedule(timeoutNanos, () -> work.execute(() -> closeRound(id)));
    if (current.participants().isEmpty()) {
      closeRound(id);
    }
  }

  private RoundAnnouncement announcement(DpFedAvg.Round r) {
    return new RoundAnnouncement(r.id(), r.participants(), r.weights(), timeoutNanos / 1_000_000);
  }

  /** After the transport came back (e.g. a broker restart), the open round goes out again. */
  private void reannounce() {
    if (current != null && fedAvg.isOpen()) {
      try {
        end.announce(announcement(current));
        LOG.info("federation round {} announced again after a reconnect", current.id());
      } catch (FederationException e) {
        LOG.warn("federation round {} not announced again: {}", current.id(), e.getMessage());
      }
    }
  }

  private void onUpdate(ClientUpdate u) {
    Verdict v = fedAvg.offer(u);
    if (v != Verdict.ACCEPTED) {
      LOG.info("federation update from {} for round {} dropped: {}", u.agent(), u.round(),
          v.name().toLowerCase(Locale.ROOT));
    } else if (fedAvg.complete()) {
      closeRound(u.round());
    }
  }

  private void closeRound(long id) {
    if (current == null || current.id() != id || !fedAvg.isOpen()) {
      return;
    }
    if (timeout != null) {
      timeout.cancel();
    }
    last = fedAvg.close();
    List<String> roundAgents = current.participants();
    current = null;
    if (ledger != null) {
      try {
        ledger.save(org.dpem.learning.privacy.RdpAccountant.defaultOrders(), fedAvg.rdp(), last.round());
      } catch (java.io.IOException e) {
        // without a record a restart would forget this spending: no further rounds
        stopped = true;
        LOG.error("federation stopped: the privacy spent cannot be recorded in {}: {}", ledger.file(), e.toString());
        return;
      }
    }
    LOG.info("federation round {}: {} of {} sampled agents answered, {} dropped; epsilon {} at delta {}",
        last.round(), last.participants(), last.sampled(), last.dropped(),
        String.format(Locale.ROOT, "%.4f", last.epsilon()), fedAvg.settings().delta());
    if (last.participants() < last.sampled()) {
      List<String> missing = new ArrayList<>(roundAgents);
      missing.removeAll(last.contributors());
      LOG.warn("federation round {} closed at its timeout without {}", last.round(), missing);
    }
    listener.accept(last);
    scheduleNext();
  }

  /** The figures `fed` shows. */
  public FederationStatus status() {
    double eps = fedAvg.spent().epsilon();
    double budget = fedAvg.settings().epsilonBudget();
    Double spent = Double.isFinite(eps) ? eps : null;
    Double b = Double.isFinite(budget) ? budget : null;
    RoundResult l = last;
    return new FederationStatus(fedAvg.budgetExhausted() ? "budget_spent" : stopped ? "stopped" : "running",
        fedAvg.round(),
        fedAvg.completedRounds(), l == null ? 0 : l.participants(), l == null ? 0 : l.sampled(), agents.size(),
        fedAvg.droppedUpdates(), transport.stats().rejected(), spent, fedAvg.settings().delta(), b,
        b == null || spent == null ? null : Math.max(0, b - spent),
        fedAvg.settings().robust() == org.dpem.learning.federated.Robust.NONE ? "mean"
            : fedAvg.settings().robust().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        fedAvg.settings().robust().keepsPrivacyGuarantee());
  }

  /** The current global weights. */
  public float[] weights() {
    return fedAvg.weights();
  }

  @Override
  public void close() {
    stopped = true;
    work.shutdownNow();
    transport.close();
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.debug("closing {}: {}", r, e.toString());
      }
    }
  }
}
