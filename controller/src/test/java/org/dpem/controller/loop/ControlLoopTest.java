package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.metrics.Summary;
import org.dpem.controller.operator.RequestInfo;
import org.dpem.controller.operator.SubmitResult;
import org.dpem.hal.DeviceState;
import org.dpem.hal.command.AnalyzerCommand;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.MemoryCommand;
import org.dpem.hal.command.SourceCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlLoopTest {
  LoopHarness h;

  @BeforeEach
  void setUp() {
    // n0-n1-n2-n3 line plus an n0-n4-n3 detour (n4 is node 4)
    h = new LoopHarness(Lab.model(5, 4, new int[][] {{0, 4}, {4, 3}}, 10, 5, 10));
    h.loop.start();
  }

  RequestInfo request(long id) {
    return h.await(h.loop.operator().request(id)).orElseThrow();
  }

  @Test
  void aRequestIsCommandedInTheDocumentedOrderAndDelivered() {
    SubmitResult r = h.submit("n0", "n2", 0.8, 3, 5);
    assertThat(r.accepted()).isTrue();
    h.advanceSeconds(1);
    RequestInfo info = request(r.requestId());
    assertThat(info.state()).isEqualTo("DELIVERED");
    assertThat(info.delivered()).isEqualTo(3);
    // the repeater n1 reserved two slots, got the swap rule, and was released at the end
    List<DeviceCommand> mem = h.lab.commands("n1.memory");
    assertThat(mem.get(0)).isInstanceOf(MemoryCommand.Reserve.class);
    assertThat(((MemoryCommand.Reserve) mem.get(0)).slots()).isEqualTo(2);
    assertThat(mem.get(1)).isInstanceOf(MemoryCommand.Swap.class);
    assertThat(mem.get(mem.size() - 1)).isInstanceOf(MemoryCommand.Release.class);
    assertThat(h.lab.commands("n2.analyzer")).anySatisfy(c ->
        assertThat(c).isInstanceOf(AnalyzerCommand.Arm.class));
    assertThat(h.lab.commands("n0.source").get(0)).isInstanceOf(SourceCommand.Enable.class);
    Summary s = h.await(h.loop.operator().metrics());
    assertThat(s.pairsDelivered()).isEqualTo(3);
    assertThat(s.deliveryRate()).isEqualTo(1.0);
    assertThat(s.meanFidelity()).isEqualTo(0.9);
  }

  @Test
  void pairsBelowTheFloorDoNotCountAndTheRequestExpires() {
    h.lab.fidelity = 0.7;
    SubmitResult r = h.submit("n0", "n2", 0.8, 2, 1);
    h.advanceSeconds(2);
    assertThat(request(r.requestId()).state()).isEqualTo("EXPIRED");
    Summary s = h.await(h.loop.operator().metrics());
    assertThat(s.pairsDelivered()).isZero();
    assertThat(s.lowFidelityPairs()).isPositive();
    assertThat(s.expired()).isEqualTo(1);
  }

  @Test
  void badRequestsAreRejectedWithReasons() {
    assertThat(h.submit("n0", "nX", 0.8, 1, 5).reason()).isEqualTo("unknown-node");
    assertThat(h.submit("n0", "n0", 0.8, 1, 5).reason()).isEqualTo("invalid");
    assertThat(h.submit("n0", "n3", 0.999, 1, 5).reason()).isEqualTo("infeasible-fidelity");
    h.await(h.loop.operator().drain("n2"));
    assertThat(h.submit("n0", "n2", 0.8, 1, 5).reason()).isEqualTo("node-drained");
    Summary s = h.await(h.loop.operator().metrics());
    assertThat(s.rejected()).isEqualTo(4);
    assertThat(s.pairsRequested()).isEqualTo(4);
    assertThat(s.pairsAdmitted()).isZero();
    assertThat(s.deliveryRate()).isZero();
  }

  @Test
  void undrainAnswersWithTheNodeActiveAgain() throws Exception {
    var admin = new org.dpem.controller.admin.OperatorAdminBackend(h.loop.operator());
    h.advanceSeconds(0.2);
    assertThat(h.await(admin.drain("n1").toCompletableFuture()).state()).isEqualTo("drained");
    // the reply to undrain is the node as it now is, not as the last epoch's topology saw it
    assertThat(h.await(admin.undrain("n1").toCompletableFuture()).state()).isEqualTo("active");
  }

  @Test
  void aDrainedRepeaterTakesNoNewAllocations() {
    h.await(h.loop.operator().drain("n1"));
    h.lab.intervalNanos = 10_000_000_000L; // no deliveries: allocations stay up
    SubmitResult r = h.submit("n0", "n2", 0.5, 1, 5);
    h.advanceSeconds(0.5);
    assertThat(r.accepted()).isTrue();
    // the short way n0-n1-n2 is closed; the detour n0-n4-n3-n2 is taken
    assertThat(request(r.requestId()).state()).isEqualTo("ALLOCATED");
    assertThat(h.await(h.loop.operator().allocations()).get(0).path())
        .containsExactly("n0", "n4", "n3", "n2");
    assertThat(h.lab.commands("n1.memory")).isEmpty();
    h.await(h.loop.operator().undrain("n1"));
    SubmitResult r2 = h.submit("n0", "n2", 0.5, 1, 5);
    h.advanceSeconds(0.3);
    assertThat(h.await(h.loop.operator().allocations())).anySatisfy(a ->
        assertThat(a.path()).containsExactly("n0", "n1", "n2"));
    assertThat(request(r2.requestId()).state()).isEqualTo("ALLOCATED");
  }

  @Test
  void aDeviceFailingMidAllocationReroutesIt() {
    h.lab.intervalNanos = 10_000_000_000L;
    SubmitResult r = h.submit("n0", "n3", 0.5, 1, 20);
    h.advanceSeconds(0.3);
    var allocs = h.await(h.loop.operator().allocations());
    assertThat(allocs).hasSize(1);
    List<String> first = allocs.get(0).path();
    String inner = first.get(1);
    h.lab.setState(inner + ".memory", DeviceState.FAULT);
    h.advanceSeconds(0.3);
    allocs = h.await(h.loop.operator().allocations());
    assertThat(allocs).hasSize(1);
    assertThat(allocs.get(0).path()).doesNotContain(inner);
    assertThat(request(r.requestId()).state()).isEqualTo("ALLOCATED");
    // the failed allocation was released on every node it used
    assertThat(h.lab.commands("n0.memory")).filteredOn(c -> c instanceof MemoryCommand.Release)
        .isNotEmpty();
  }

  @Test
  void aRequestWithNoAlternativeFailsWhenItsDevicesKeepFailing() {
    h.lab.intervalNanos = 10_000_000_000L;
    h.lab.refusal = (d, c) -> d.id().value().equals("n1.memory");
    SubmitResult r = h.submit("n0", "n1", 0.5, 1, 20);
    h.advanceSeconds(2);
    RequestInfo info = request(r.requestId());
    assertThat(info.state()).isEqualTo("FAILED");
    assertThat(h.await(h.loop.operator().allocations())).isEmpty();
  }

  @Test
  void estopMakesEveryDeviceSafeAndResumeAllocatesAgain() {
    h.lab.intervalNanos = 10_000_000_000L;
    SubmitResult r = h.submit("n0", "n2", 0.5, 1, 30);
    h.advanceSeconds(0.3);
    h.await(h.loop.operator().estop());
    h.advanceSeconds(0.3);
    assertThat(h.await(h.loop.operator().devices())).allSatisfy(d -> assertThat(d.state()).isEqualTo("SAFE"));
    assertThat(h.await(h.loop.operator().allocations())).isEmpty();
    assertThat(request(r.requestId()).state()).isEqualTo("QUEUED");
    h.await(h.loop.operator().resume());
    h.advanceSeconds(0.5);
    assertThat(request(r.requestId()).state()).isEqualTo("ALLOCATED");
  }

  @Test
  void resumeAfterEstopKeepsADeviceTheOperatorPutSafe() {
    h.await(h.loop.operator().safeDevice("n1.memory"));
    h.await(h.loop.operator().estop());
    h.await(h.loop.operator().resume());
    h.advanceSeconds(0.3);
    assertThat(state("n1.memory")).isEqualTo("SAFE");
    assertThat(state("n0.source")).as("an estop's SAFE is lifted by resume").isEqualTo("READY");

    // a plain resume without an estop does not lift it either
    h.await(h.loop.operator().resume());
    assertThat(state("n1.memory")).isEqualTo("SAFE");
    assertThat(h.await(h.loop.operator().clearFault("n1.memory")).state()).isEqualTo("READY");

    h.await(h.loop.operator().safeDevice("n2.source"));
    h.await(h.loop.operator().resume(true));
    h.advanceSeconds(0.3);
    assertThat(state("n2.source")).as("resume --all lifts every SAFE").isEqualTo("READY");
  }

  @Test
  void estopAnswersOnceDevicesReportSafeAndListsOnlyThoseThatDidNot() {
    h.lab.safeLagNanos = 250_000_000L; // acknowledged at once, SAFE on the next heartbeat
    h.await(h.loop.operator().estop());
    assertThat(h.await(h.loop.operator().devices()))
        .allSatisfy(d -> assertThat(d.state()).as(d.id()).isEqualTo("SAFE"));

    h.await(h.loop.operator().resume());
    h.advanceSeconds(0.3);
    h.lab.safeLagNanos = Long.MAX_VALUE; // never reports SAFE: the answer waits out the timeout
    long before = h.time.nowNanos();
    h.await(h.loop.operator().estop());
    assertThat(h.time.nowNanos() - before).isGreaterThan(h.loop.settings.commandTimeoutNanos());
  }

  private String state(String device) {
    return h.await(h.loop.operator().devices()).stream().filter(d -> d.id().equals(device))
        .findFirst().orElseThrow().state();
  }

  @Test
  void cancelEndsALiveRequestAndReleasesItsAllocation() {
    h.lab.intervalNanos = 10_000_000_000L;
    SubmitResult r = h.submit("n0", "n2", 0.5, 1, 30);
    h.advanceSeconds(0.3);
    assertThat(h.await(h.loop.operator().cancel(r.requestId()))).isTrue();
    RequestInfo info = request(r.requestId());
    assertThat(info.state()).isEqualTo("REJECTED");
    assertThat(info.reason()).isEqualTo("cancelled");
    assertThat(h.await(h.loop.operator().allocations())).isEmpty();
    assertThat(h.await(h.loop.operator().cancel(r.requestId()))).isFalse();
  }
}
