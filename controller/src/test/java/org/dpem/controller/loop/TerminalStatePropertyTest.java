package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.metrics.Summary;
import org.dpem.controller.operator.RequestInfo;
import org.dpem.controller.operator.SubmitSpec;
import org.dpem.controller.policy.Policies;
import org.dpem.controller.request.RequestState;
import org.dpem.hal.DeviceState;

/**
 * Whatever happens (deliveries, low-fidelity pairs, device faults and recoveries, refusals,
 * cancels, drains, emergency stops), every accepted request reaches exactly one terminal state,
 * once, and the counts add up.
 */
class TerminalStatePropertyTest {
  record Op(int kind, int a, int b, int c) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    return Arbitraries.integers().between(0, 9).flatMap(kind ->
        Arbitraries.integers().between(0, 4).tuple3().map(t -> new Op(kind, t.get1(), t.get2(), t.get3())))
        .list().ofMinSize(1).ofMaxSize(40);
  }

  @Provide
  Arbitrary<String> policy() {
    return Arbitraries.of(Policies.names());
  }

  @Property(tries = 60)
  void everyAcceptedRequestEndsExactlyOnce(@ForAll("ops") List<Op> ops, @ForAll("policy") String policy)
      throws Exception {
    Path dir = Files.createTempDirectory("dpem-prop");
    Path file = dir.resolve("journal.bin");
    Journal journal = Journal.open(file, false).journal();
    LoopHarness h = new LoopHarness(Lab.model(5, 4, new int[][] {{0, 4}, {4, 3}}, 10, 5, 6),
        Policies.create(policy), journal);
    h.lab.intervalNanos = 150_000_000L;
    h.loop.start();
    var op = h.loop.operator();
    for (Op o : ops) {
      switch (o.kind()) {
        case 0, 1, 2 -> op.submit(new SubmitSpec("n" + o.a(), "n" + o.b(), 0.6 + 0.1 * o.c(),
            1 + o.c(), 0.5 + o.a(), o.b()));
        case 3 -> h.advanceSeconds(0.1 * (1 + o.a()));
        case 4 -> h.lab.setState("n" + o.a() + "." + (o.b() % 2 == 0 ? "memory" : "source"),
            o.c() < 2 ? DeviceState.FAULT : DeviceState.LOST);
        case 5 -> h.lab.setState("n" + o.a() + ".memory", DeviceState.READY);
        case 6 -> op.cancel(1 + o.a() + o.b());
        case 7 -> {
          if (o.c() % 2 == 0) {
            op.drain("n" + o.a());
          } else {
            op.undrain("n" + o.a());
          }
        }
        case 8 -> {
          if (o.c() < 3) {
            op.estop();
          } else {
            op.resume();
          }
        }
        default -> h.lab.fidelity = 0.5 + 0.1 * o.c();
      }
    }
    h.advanceSeconds(7); // past every deadline (at most 4.5 s after the last submit)
    List<RequestInfo> all = h.await(op.requests(false, Integer.MAX_VALUE));
    Summary s = h.await(op.metrics());
    assertThat(h.await(op.allocations())).isEmpty();
    h.loop.close();
    assertThat(all).allSatisfy(r -> assertThat(RequestState.valueOf(r.state()).terminal()).isTrue());
    assertThat(s.delivered() + s.expired() + s.failed() + s.rejected()).isEqualTo(s.requests());
    assertThat(s.requests()).isEqualTo(all.size());
    // the journal saw each request end once, and never move after that
    Map<Long, Integer> terminal = new HashMap<>();
    Map<Long, Boolean> ended = new HashMap<>();
    for (JournalRecord rec : Journal.read(file).records()) {
      if (rec instanceof JournalRecord.Admitted a && a.state().terminal()) {
        terminal.merge(a.request().id(), 1, Integer::sum);
        ended.put(a.request().id(), true);
      } else if (rec instanceof JournalRecord.Moved m) {
        assertThat(ended.getOrDefault(m.requestId(), false)).as("request %d moved after ending", m.requestId()).isFalse();
        if (m.state().terminal()) {
          terminal.merge(m.requestId(), 1, Integer::sum);
          ended.put(m.requestId(), true);
        }
      }
    }
    assertThat(terminal).hasSize(all.size());
    assertThat(terminal.values()).allMatch(n -> n == 1);
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }
}
