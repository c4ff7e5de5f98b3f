package org.dpem.controller.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.dpem.config.ShippedExamples;
import org.dpem.controller.journal.Journal;
import org.dpem.controller.journal.JournalRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulated run's journal: written, and never silently mixed with an earlier run's. */
class SimulatedRunJournalTest {
  @TempDir Path dir;

  private static SimulatedRun run(Path journal) throws Exception {
    Scenario s = ScenarioBuilder.build(ShippedExamples.load("two-node"));
    return new SimulatedRun(s, new RunOptions("greedy", 1, OptionalDouble.of(30), 100, 3,
        journal, OptionalInt.empty(), false, false, OptionalDouble.empty()));
  }

  @Test
  void aSimulatedRunJournalsItsRequestsAndRefusesToAppendToAnEarlierRun() throws Exception {
    Path journal = dir.resolve("sim.journal");
    RunReport report = run(journal).run();
    var records = Journal.read(journal).records();
    long admitted = records.stream().filter(JournalRecord.Admitted.class::isInstance).count();
    assertThat(admitted).isEqualTo(report.summary().requests()).isPositive();
    assertThat(report.fields()).containsEntry("recovered_requests", 0);
    assertThat(report.fields().get("journal_damage").toString())
        .isEqualTo("{regions=0, bytes=0, lost_requests=[], ids_skipped=0}");

    byte[] before = Files.readAllBytes(journal);
    assertThatThrownBy(() -> run(journal).run())
        .isInstanceOf(SimulatedRun.RunRefused.class)
        .hasMessageContaining(journal.toString())
        .hasMessageContaining(records.size() + " records")
        .hasMessageContaining("--journal");
    assertThat(Files.readAllBytes(journal)).as("the earlier run's journal is untouched")
        .isEqualTo(before);
  }
}
