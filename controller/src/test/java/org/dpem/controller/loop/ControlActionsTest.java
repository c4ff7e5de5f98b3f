package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.AllocationPolicy;
import org.dpem.controller.policy.ControlAction;
import org.dpem.controller.policy.Decision;
import org.dpem.controller.policy.EpochView;
import org.dpem.controller.policy.PendingRequest;
import org.dpem.controller.policy.RunningAllocation;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.reserve.Claim;
import org.dpem.controller.reserve.ResourceKind;
import org.dpem.controller.reserve.Usage;
import org.dpem.controller.run.ScenarioBuilder;
import org.dpem.controller.topology.CandidatePath;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.dpem.hal.time.TimeBase;
import org.dpem.sim.engine.SimEngine;
import org.dpem.sim.network.NetworkOptions;
import org.dpem.sim.network.SimNetwork;
import org.dpem.sim.topology.Lattices;
import org.dpem.sim.topology.NodeTemplate;
import org.dpem.sim.topology.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-rate, preempt, abandon and split, each through the same ledger, against the simulated
 * network: freed resources return, a preempted request is queued again, an abandoned one ends
 * FAILED, the journal says so, and every request reaches exactly one terminal state.
 */
class ControlActionsTest {
  @TempDir Path dir;

  /** Does what the test tells it next epoch, once; otherwise nothing. */
  static final class Scripted implements AllocationPolicy {
    Function<EpochView, Decision> next;
    EpochView last;

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public Decision decide(EpochView view) {
      last = view;
      Function<EpochView, Decision> f = next;
      next = null;
      return f == null ? Decision.NONE : f.apply(view);
    }
  }

  // a 2 x 2 grid: n0-n1, n2-n3, n0-n2, n1-n3; two slots per memory
  final Topology topo = Lattices.grid(2, 2, 10, 0.2, 10, 5, NodeTemplate.defaults().withSlots(2).withCoherence(100));
  final NetworkModel model = ScenarioBuilder.model(topo);
  final SimEngine engine = new SimEngine(5);
  final SimNetwork net = new SimNetwork(engine, topo, NetworkOptions.quiet());
  final Scripted policy = new Scripted();
  Journal journal;
  Path journalFile;
  ControlLoop loop;

  @BeforeEach
  void start() {
    journalFile = dir.resolve("j");
    journal = Journal.open(journalFile, false).journal();
    loop = new ControlLoop(model, net, engine.timeBase(), LoopSettings.of(100, 4), policy,
        new RunMetrics(new SimpleMeterRegistry()), journal, new HalCommander(net, model));
    loop.start();
  }

  TrackedRequest submit(String s, String d, int pairs, double deadlineS) {
    return loop.submitNow(new Request.Spec(NodeId.of(s), NodeId.of(d), 0.5, pairs,
        engine.timeBase().nowNanos() + TimeBase.nanos(deadlineS), 0));
  }

  /** Runs the given decision at the next epoch, and the epoch after it. */
  void decide(Function<EpochView, Decision> d) {
    policy.next = d;
    step(0.2);
  }

  void step(double seconds) {
    engine.runUntil(engine.timeBase().nowNanos() + TimeBase.nanos(seconds));
  }

  static Function<EpochView, Decision> claim(TrackedRequest t, String via, double rate) {
    return v -> Decision.of(List.of(claimOn(v, t, via, rate)));
  }

  static Claim claimOn(EpochView v, TrackedRequest t, String via, double rate) {
    PendingRequest p = v.pending().stream().filter(x -> x.id() == t.id()).findFirst().orElseThrow();
    CandidatePath path = p.candidates().stream().filter(c -> c.toString().contains(via))
        .findFirst().orElseThrow();
    return new Claim(t.id(), path, rate, rate);
  }

  Allocation only(TrackedRequest t) {
    List<Allocation> as = loop.allocationsOf(t);
    assertThat(as).hasSize(1);
    return as.get(0);
  }

  double held(ResourceKind k, int node) {
    return loop.ledger.held(k.at(node));
  }

  List<JournalRecord> records() throws Exception {
    journal.flush();
    return Journal.read(journalFile).records();
  }

  void assertLedgerEmpty() {
    for (double h : loop.ledger.holdings()) {
      assertThat(h).isZero();
    }
  }

  @Test
  void reRateMovesTheLedgerAndTheSourcesAndCountsACutAsAConflict() {
    TrackedRequest t = submit("n0", "n3", 100_000, 1000);
    decide(claim(t, "n1", 0.2));
    Allocation a = only(t);
    assertThat(a.rate()).isEqualTo(0.2);
    double[] attempts = Usage.attemptsPerLink(model, a.path(), 0.2);
    assertThat(net.sourceAt(NodeId.of("n0")).reading().ratePairsPerSecond()).isCloseTo(attempts[0], within(1e-9));

    long before = loop.metrics().summary().contentionEvents();
    decide(v -> new Decision(List.of(), List.of(), List.of(new ControlAction.ReRate(a.id(), 0.1))));
    assertThat(a.rate()).isEqualTo(0.1);
    Usage half = Usage.of(model, a.path(), 0.1);
    for (int i = 0; i < half.resources().length; i++) {
      assertThat(loop.ledger.held(half.resources()[i])).isCloseTo(half.amounts()[i], within(1e-9));
    }
    assertThat(net.sourceAt(NodeId.of("n0")).reading().ratePairsPerSecond())
        .isCloseTo(attempts[0] / 2, within(1e-9));
    assertThat(loop.metrics().summary().contentionEvents()).isEqualTo(before);

    // more than n0's source can make: cut to what fits, not below the minimum, counted
    decide(v -> new Decision(List.of(), List.of(), List.of(new ControlAction.ReRate(a.id(), 50, 0.05))));
    assertThat(a.rate()).isBetween(0.1, 50.0);
    assertThat(held(ResourceKind.GENERATION, 0)).isCloseTo(loop.ledger.capacity(ResourceKind.GENERATION.at(0)), within(1e-6));
    assertThat(loop.metrics().summary().contentionEvents()).isEqualTo(before + 1);
    double cut = a.rate();
    // a minimum that cannot fit: the rate stays, the refusal is counted
    decide(v -> new Decision(List.of(), List.of(), List.of(new ControlAction.ReRate(a.id(), 60, 55))));
    assertThat(a.rate()).isEqualTo(cut);
    assertThat(loop.metrics().summary().contentionEvents()).isEqualTo(before + 2);
  }

  @Test
  void preemptionFreesTheSlotsForAnotherRequestAndQueuesThePreemptedOneAgain() throws Exception {
    TrackedRequest first = submit("n0", "n3", 100_000, 1000);
    decide(claim(first, "n1", 0.2));
    Allocation a = only(first);
    // n1's two slots are held: n1 -> n3 cannot be served now
    TrackedRequest second = submit("n1", "n3", 100_000, 1000);
    decide(v -> Decision.of(List.of(claimOn(v, second, "n1", 0.2))));
    assertThat(second.state()).isEqualTo(RequestState.QUEUED);

    long before = loop.metrics().summary().contentionEvents();
    List<Long> seenRunning = new ArrayList<>();
    decide(v -> {
      v.running().forEach(r -> seenRunning.add(r.id()));
      return new Decision(List.of(claimOn(v, second, "n1", 0.2)), List.of(),
          List.of(new ControlAction.Preempt(a.id())));
    });
    assertThat(seenRunning).as("the policy saw what it preempted").containsExactly(a.id());
    assertThat(loop.active).doesNotContainKey(a.id());
    assertThat(first.state()).isEqualTo(RequestState.QUEUED);
    assertThat(first.detail()).contains("preempted by policy scripted");
    assertThat(second.state()).isEqualTo(RequestState.ALLOCATED);
    assertThat(held(ResourceKind.MEMORY, 1)).isEqualTo(1.0);
    assertThat(held(ResourceKind.MEMORY, 0)).isZero();
    assertThat(loop.metrics().summary().contentionEvents()).isEqualTo(before + 1);
    assertThat(policy.last.running()).extracting(RunningAllocation::request)
        .extracting(Request::id).containsExactly(second.id());

    assertThat(records()).anySatisfy(r -> assertThat(r).isEqualTo(
        new JournalRecord.AllocationClosed(a.id(), "preempted by policy scripted")));
    // the preempted request is served again later and both end once, at their deadline
    decide(claim(first, "n2", 0.2));
    assertThat(first.state()).isEqualTo(RequestState.ALLOCATED);
    step(1001);
    assertThat(first.state()).isEqualTo(RequestState.EXPIRED);
    assertThat(second.state()).isEqualTo(RequestState.EXPIRED);
    assertThat(loop.active).isEmpty();
    assertLedgerEmpty();
  }

  @Test
  void abandoningEndsTheRequestFailedAndReturnsEverything() throws Exception {
    TrackedRequest t = submit("n0", "n3", 100_000, 1000);
    decide(claim(t, "n1", 0.2));
    Allocation a = only(t);
    decide(v -> new Decision(List.of(), List.of(), List.of(new ControlAction.Abandon(a.id()),
        new ControlAction.ReRate(a.id(), 0.3))));
    assertThat(t.state()).isEqualTo(RequestState.FAILED);
    assertThat(t.detail()).isEqualTo("abandoned by policy scripted");
    assertThat(loop.active).isEmpty();
    assertLedgerEmpty();
    List<JournalRecord> rs = records();
    assertThat(rs).contains(new JournalRecord.AllocationClosed(a.id(), "abandoned by policy scripted"));
    assertThat(rs).filteredOn(r -> r instanceof JournalRecord.Moved m && m.requestId() == t.id()
        && m.state().terminal()).hasSize(1);
    assertThat(loop.metrics().summary().failed()).isEqualTo(1);
  }

  @Test
  void aRequestSplitOverTwoPathsIsServedByBothAndEndsOnce() throws Exception {
    TrackedRequest t = submit("n0", "n3", 40, 1000);
    decide(v -> Decision.of(List.of(claimOn(v, t, "n1", 0.2), claimOn(v, t, "n2", 0.2))));
    List<Allocation> both = loop.allocationsOf(t);
    assertThat(both).hasSize(2);
    assertThat(both).extracting(a -> a.path().toString()).containsExactlyInAnyOrder("n0-n1-n3", "n0-n2-n3");
    assertThat(held(ResourceKind.MEMORY, 0)).isEqualTo(2.0);

    // one half preempted: the request stays allocated on the other
    Allocation viaN1 = both.stream().filter(a -> a.path().toString().contains("n1")).findFirst().orElseThrow();
    decide(v -> new Decision(List.of(), List.of(), List.of(new ControlAction.Preempt(viaN1.id()))));
    assertThat(t.state()).isEqualTo(RequestState.ALLOCATED);
    assertThat(loop.allocationsOf(t)).hasSize(1);
    assertThat(held(ResourceKind.MEMORY, 1)).isZero();

    step(600);
    assertThat(t.state()).as(t.detail()).isEqualTo(RequestState.DELIVERED);
    assertThat(t.delivered()).isEqualTo(40);
    assertThat(loop.active).isEmpty();
    assertLedgerEmpty();
    List<JournalRecord> rs = records();
    assertThat(rs).filteredOn(r -> r instanceof JournalRecord.AllocationOpened o && o.requestId() == t.id()).hasSize(2);
    assertThat(rs).filteredOn(r -> r instanceof JournalRecord.Moved m && m.requestId() == t.id()
        && m.state().terminal()).hasSize(1);
  }

  @Test
  void actionsOnAllocationsThatAreNotRunningAreIgnored() {
    TrackedRequest t = submit("n0", "n3", 100_000, 1000);
    decide(claim(t, "n1", 0.2));
    Allocation a = only(t);
    List<ControlAction> bogus = new ArrayList<>(List.of(new ControlAction.Preempt(a.id() + 100),
        new ControlAction.Abandon(-1)));
    decide(v -> new Decision(List.of(), List.of(), bogus));
    assertThat(t.state()).isEqualTo(RequestState.ALLOCATED);
    assertThat(loop.active).containsKey(a.id());
  }
}
