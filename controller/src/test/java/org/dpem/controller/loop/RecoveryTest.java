package org.dpem.controller.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.dpem.controller.lab.Lab;
import org.dpem.controller.metrics.RunMetrics;
import org.dpem.controller.policy.GreedyPolicy;
import org.dpem.controller.request.RejectReason;
import org.dpem.controller.request.Request;
import org.dpem.controller.request.RequestState;
import org.dpem.controller.request.TrackedRequest;
import org.dpem.controller.topology.NetworkModel;
import org.dpem.hal.NodeId;
import org.dpem.hal.command.DeviceCommand;
import org.dpem.hal.command.SourceCommand;
import org.dpem.hal.time.ManualTimeBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restoring a journal written by an earlier process, with its own time base. */
class RecoveryTest {
  private static final long S = 1_000_000_000L;

  @TempDir Path dir;

  private final NetworkModel model = Lab.model(4, new int[0][], 10, 5, 10);
  private final ManualTimeBase time = new ManualTimeBase();
  private final Lab lab = new Lab(time, model);

  private static Request request(long id, long arrival, long deadline) {
    return new Request(id, NodeId.of("n0"), NodeId.of("n3"), 0.5, 4, arrival, deadline, 0);
  }

  /** What a process that started at wall time 1000 s and died at its second 50 left behind. */
  private Journal.Replay earlierRun() throws Exception {
    Path f = dir.resolve("j.journal");
    Journal j = Journal.open(f, false).journal();
    j.append(new JournalRecord.Origin(1_000_000));
    // 1: live, 1 of 4 pairs delivered, allocation 7 open on n0-n1-n2-n3
    j.append(new JournalRecord.Admitted(request(1, 10 * S, 100 * S), RequestState.QUEUED, null));
    j.append(new JournalRecord.Moved(1, RequestState.ALLOCATED, null, 11 * S));
    j.append(new JournalRecord.AllocationOpened(7, 1, List.of("n0", "n1", "n2", "n3"), 2.0));
    j.append(new JournalRecord.Progress(1, 1, 0.9));
    // 2: delivered before the crash
    j.append(new JournalRecord.Admitted(request(2, 12 * S, 90 * S), RequestState.QUEUED, null));
    j.append(new JournalRecord.Moved(2, RequestState.DELIVERED, null, 40 * S));
    // 3: rejected on arrival
    j.append(new JournalRecord.Admitted(request(3, 13 * S, 14 * S), RequestState.REJECTED,
        RejectReason.NO_PATH));
    j.close();
    return Journal.read(f);
  }

  @Test
  void liveRequestsComeBackQueuedOnTheNewTimeBaseAndOpenHoldingsAreReleased() throws Exception {
    Journal.Replay replay = earlierRun();
    ControlLoop loop = new ControlLoop(model, lab, time, LoopSettings.of(100, 3),
        new GreedyPolicy(), new RunMetrics(new SimpleMeterRegistry()), null,
        new HalCommander(lab, model));
    // this process's time-base zero is 60 s after the earlier one's
    Recovered r = loop.recover(replay, 1_060_000);

    assertThat(r).isEqualTo(new Recovered(3, 1, 1, List.of()));
    TrackedRequest live = loop.requests().get(1).orElseThrow();
    assertThat(live.state()).isEqualTo(RequestState.QUEUED);
    assertThat(live.delivered()).isEqualTo(1);
    assertThat(live.request().deadlineNanos()).as("deadline 100 s on the old base is 40 s on ours")
        .isEqualTo(40 * S);
    assertThat(live.request().arrivalNanos()).isEqualTo(-50 * S);
    assertThat(loop.requests().get(2).orElseThrow().state()).isEqualTo(RequestState.DELIVERED);
    assertThat(loop.requests().get(3).orElseThrow().reason()).isEqualTo(RejectReason.NO_PATH);
    assertThat(loop.requests().nextId()).isEqualTo(4);

    // only the live request is this run's work; the others are the earlier run's outcomes
    var summary = loop.metrics().summary();
    assertThat(summary.requests()).isEqualTo(1);
    assertThat(summary.pairsDelivered()).isEqualTo(1);
    assertThat(summary.delivered() + summary.rejected()).isZero();

    // a rotated journal holding only the snapshot rebuilds the same live state and id floors
    Path rotated = dir.resolve("rotated.journal");
    Journal j = Journal.open(rotated, false).journal();
    loop.journalSnapshot(1_060_000).forEach(j::append);
    j.close();
    ControlLoop again = new ControlLoop(model, lab, time, LoopSettings.of(100, 3),
        new GreedyPolicy(), new RunMetrics(new SimpleMeterRegistry()), null,
        new HalCommander(lab, model));
    assertThat(again.recover(Journal.read(rotated), 1_060_000))
        .isEqualTo(new Recovered(1, 1, 0, List.of()));
    TrackedRequest back = again.requests().get(1).orElseThrow();
    assertThat(back.request()).isEqualTo(live.request());
    assertThat(back.delivered()).isEqualTo(1);
    assertThat(back.fidelitySum()).isEqualTo(0.9);
    assertThat(again.requests().nextId()).as("ids 2 and 3 are not handed out again").isEqualTo(4);
    assertThat(again.journalSnapshot(0)).contains(new JournalRecord.IdFloor(4, 8));

    // the dead process's allocation 7 is switched off at the source of its first node
    List<DeviceCommand> src = lab.commands("n0.source");
    assertThat(src).anySatisfy(c -> {
      assertThat(c).isInstanceOf(SourceCommand.Disable.class);
      assertThat(c.allocation().value()).isEqualTo(7);
    });
  }

  @Test
  void damageMidJournalNamesTheLostRequestsAndNoIdIsHandedOutAgain() throws Exception {
    Path f = dir.resolve("damaged.journal");
    Journal j = Journal.open(f, false).journal();
    j.append(new JournalRecord.Origin(1_000_000));
    long[] at = new long[6];
    for (int id = 1; id <= 5; id++) {
      j.flush();
      at[id] = java.nio.file.Files.size(f);
      j.append(new JournalRecord.Admitted(request(id, id * S, 100 * S), RequestState.QUEUED, null));
    }
    j.append(new JournalRecord.Moved(3, RequestState.ALLOCATED, null, 20 * S));
    j.append(new JournalRecord.AllocationOpened(12, 3, List.of("n0", "n1"), 1.0));
    j.close();
    // one flipped byte in request 3's admission, and a torn tail after the last record
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
      raf.seek(at[3] + 20);
      int b = raf.read();
      raf.seek(at[3] + 20);
      raf.write(b ^ 0x10);
      raf.seek(raf.length());
      raf.write(new byte[] {0, 0, 0, 90, 1, 2, 3});
    }
    Journal.Replay replay = Journal.read(f);
    RunMetrics metrics = new RunMetrics(new SimpleMeterRegistry());
    ControlLoop loop = new ControlLoop(model, lab, time, LoopSettings.of(100, 3),
        new GreedyPolicy(), metrics, null, new HalCommander(lab, model));
    Recovered r = loop.recover(replay, 1_060_000);

    assertThat(r.known()).as("every intact admission after the damage is kept").isEqualTo(4);
    assertThat(loop.requests().get(5)).isPresent();
    assertThat(r.lostRequests()).containsExactly(3L);
    // ids 3..5 and whatever the damaged bytes could have held are never handed out again
    assertThat(loop.requests().nextId()).isEqualTo(6 + replay.idsLostAtMost());
    assertThat(loop.journalSnapshot(0).get(1)).isEqualTo(new JournalRecord.IdFloor(
        6 + replay.idsLostAtMost(), 13 + replay.idsLostAtMost()));
    assertThat(metrics.journalHealth().damagedRegions()).isEqualTo(2);
    assertThat(metrics.journalHealth().damagedBytes()).isEqualTo(replay.lostBytes());
    assertThat(metrics.journalHealth().lostRequests()).containsExactly(3L);
    assertThat(metrics.registry().get("dpem.journal.lost.requests").gauge().value()).isEqualTo(1);
  }
}
